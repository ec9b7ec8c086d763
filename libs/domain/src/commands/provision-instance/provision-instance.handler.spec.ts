import { DomainError } from '../../errors';
import { type MachineKeyFile, NO_EXPIRY } from '../../keys/machine-key-file';
import { type CreateInstanceSecrets, FailureReason, OperationState } from '../../operations/operation';
import { ProvisioningStep } from '../../operations/provisioning-steps';
import { type CreateInstanceInput } from '../../provisioning/create-instance-input';
import { type ProvisioningPlan } from '../../provisioning/provisioning-plan';
import { InMemoryMachineKeyPool } from '../../testing/in-memory-machine-key-pool';
import {
  FAKE_KEY_PAIR,
  FakeKeyPairGenerator,
  FakePasswordHasher,
  FakeSecretSealer,
  FakeTokenGenerator,
  FixedClock,
  InMemoryProvisioningStore,
  RecordingProvisioningQueue,
  SequentialIdGenerator,
  TEST_SETTINGS,
} from '../../testing/in-memory-ports';
import { CreateInstanceCommand } from '../create-instance/create-instance.command';
import { CreateInstanceHandler } from '../create-instance/create-instance.handler';
import { ProvisionInstanceCommand } from './provision-instance.command';
import { ProvisionInstanceHandler } from './provision-instance.handler';

const PASSWORD = 'Correct-Horse-9';

const fullInput: CreateInstanceInput = {
  instanceName: 'ACME Corp',
  human: { userName: 'admin', email: { email: 'admin@acme.example.com' }, password: { password: PASSWORD } },
  machine: { userName: 'robot', personalAccessToken: { expirationDate: '2030-01-01T00:00:00Z' }, machineKey: {} },
};

describe(ProvisionInstanceHandler.name, () => {
  let clock: FixedClock;
  let ids: SequentialIdGenerator;
  let sealer: FakeSecretSealer;
  let store: InMemoryProvisioningStore;
  let hasher: FakePasswordHasher;
  let keys: FakeKeyPairGenerator;
  let keyPool: InMemoryMachineKeyPool;
  let claims: string[];
  let tokens: FakeTokenGenerator;
  let handler: ProvisionInstanceHandler;

  /** Reserves an operation the way the API does, and answers its id. */
  async function reserve(input: CreateInstanceInput = fullInput): Promise<string> {
    const create = new CreateInstanceHandler(
      clock,
      ids,
      sealer,
      store,
      new RecordingProvisioningQueue(),
      TEST_SETTINGS,
    );
    return (await create.execute(new CreateInstanceCommand(input, 'caller'))).operationId;
  }

  function onlyPlan(): ProvisioningPlan {
    expect(store.commits).toHaveLength(1);
    return store.commits[0];
  }

  beforeEach(() => {
    clock = new FixedClock();
    ids = new SequentialIdGenerator();
    sealer = new FakeSecretSealer();
    store = new InMemoryProvisioningStore();
    hasher = new FakePasswordHasher();
    keys = new FakeKeyPairGenerator();
    keyPool = new InMemoryMachineKeyPool();
    claims = [];
    tokens = new FakeTokenGenerator();
    handler = handlerWith({ ...TEST_SETTINGS, machineKeyPoolSize: 50 });
  });

  function handlerWith(settings: typeof TEST_SETTINGS): ProvisionInstanceHandler {
    return new ProvisionInstanceHandler(
      clock,
      ids,
      store.operations,
      store,
      sealer,
      hasher,
      keys,
      keyPool,
      { countClaim: (outcome) => claims.push(outcome) },
      tokens,
      settings,
      { record: () => undefined },
    );
  }

  it('commits one plan and answers SUCCEEDED', async () => {
    const operationId = await reserve();

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, false))).resolves.toBe(
      OperationState.Succeeded,
    );

    const plan = onlyPlan();
    expect(plan.operationId).toBe(operationId);
    expect(plan.instanceId).toBe(store.reservations[0].instanceId);
    expect(plan.users.map((u) => u.kind)).toEqual(['human', 'machine']);
    expect(plan.buckets.map((b) => b.name)).toEqual(['_tasks', '_monitoring', 'default']);
    expect(store.failures).toEqual([]);
  });

  it('makes a key pair when the pool is empty, and counts a miss', async () => {
    const operationId = await reserve();
    await handler.execute(new ProvisionInstanceCommand(operationId, false));
    expect(keys.calls).toBe(1);
    expect(claims).toEqual(['miss']);
    expect(onlyPlan().pooledKeyId).toBeNull();
  });

  it('takes the key pair from the pool when it has one, and the commit names the pool entry', async () => {
    const pooledPair = { privateKeyPem: 'pooled private', publicKeyPem: 'pooled public' };
    await keyPool.add([pooledPair]);
    const operationId = await reserve();
    await handler.execute(new ProvisionInstanceCommand(operationId, false));
    expect(keys.calls).toBe(0);
    expect(claims).toEqual(['hit']);
    const plan = onlyPlan();
    expect(plan.machineKeys[0].publicKeyPem).toBe('pooled public');
    expect(plan.pooledKeyId).toBe(keyPool.entries[0].poolId);
    expect(keyPool.entries[0].claimedBy).toBe(operationId);
  });

  it('does not ask the pool while it is turned off (MACHINE_KEY_POOL_SIZE=0), nor count a claim', async () => {
    await keyPool.add([{ privateKeyPem: 'left from a larger pool', publicKeyPem: 'left' }]);
    const claim = jest.spyOn(keyPool, 'claim');
    const operationId = await reserve();
    await handlerWith({ ...TEST_SETTINGS, machineKeyPoolSize: 0 }).execute(
      new ProvisionInstanceCommand(operationId, false),
    );
    expect(claim).not.toHaveBeenCalled();
    expect(claims).toEqual([]);
    expect(keys.calls).toBe(1);
    expect(onlyPlan().pooledKeyId).toBeNull();
  });

  it('records the progress of each step in order', async () => {
    const operationId = await reserve();

    await handler.execute(new ProvisionInstanceCommand(operationId, false));

    expect(store.operations.progress.map(({ steps: _steps, ...rest }) => rest)).toEqual([
      { currentStep: ProvisioningStep.GenerateMachineKey, completedSteps: 0, totalSteps: 4 },
      { currentStep: ProvisioningStep.HashPassword, completedSteps: 1, totalSteps: 4 },
      { currentStep: ProvisioningStep.GeneratePersonalAccessToken, completedSteps: 2, totalSteps: 4 },
      { currentStep: ProvisioningStep.WriteInstance, completedSteps: 3, totalSteps: 4 },
    ]);
    // Each report carries the steps this attempt has begun so far, with when each began.
    expect(store.operations.progress.map((p) => p.steps?.map((s) => s.name))).toEqual([
      [ProvisioningStep.GenerateMachineKey],
      [ProvisioningStep.GenerateMachineKey, ProvisioningStep.HashPassword],
      [
        ProvisioningStep.GenerateMachineKey,
        ProvisioningStep.HashPassword,
        ProvisioningStep.GeneratePersonalAccessToken,
      ],
      [
        ProvisioningStep.GenerateMachineKey,
        ProvisioningStep.HashPassword,
        ProvisioningStep.GeneratePersonalAccessToken,
        ProvisioningStep.WriteInstance,
      ],
    ]);
    expect(store.operations.progress[3].steps?.every((s) => s.startedAt instanceof Date)).toBe(true);
  });

  it('reports the duration of each step once, the last one when the job ends', async () => {
    const recorded: Array<[string, number]> = [];
    const timed = new ProvisionInstanceHandler(
      clock,
      ids,
      store.operations,
      store,
      sealer,
      hasher,
      keys,
      keyPool,
      { countClaim: (outcome) => claims.push(outcome) },
      tokens,
      TEST_SETTINGS,
      {
        record: (step: string, seconds: number) => recorded.push([step, seconds]),
      },
    );
    await timed.execute(new ProvisionInstanceCommand(await reserve(), false));

    expect(recorded.map(([step]) => step)).toEqual([
      ProvisioningStep.GenerateMachineKey,
      ProvisioningStep.HashPassword,
      ProvisioningStep.GeneratePersonalAccessToken,
      ProvisioningStep.WriteInstance,
    ]);
    expect(recorded.every(([, seconds]) => seconds >= 0)).toBe(true);
  });

  it('does nothing when run again for a finished operation', async () => {
    const operationId = await reserve();
    await handler.execute(new ProvisionInstanceCommand(operationId, false));
    const attempts = (await store.operations.findById(operationId))?.attempts;

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, true))).resolves.toBe(
      OperationState.Succeeded,
    );

    expect(store.commits).toHaveLength(1);
    expect(store.failures).toEqual([]);
    expect(keys.calls).toBe(1);
    expect(hasher.hashed).toHaveLength(1);
    expect((await store.operations.findById(operationId))?.attempts).toBe(attempts);
  });

  it('answers FAILED and touches nothing for an unknown operation', async () => {
    await expect(handler.execute(new ProvisionInstanceCommand('ffffffffffffffff', true))).resolves.toBe(
      OperationState.Failed,
    );
    expect(store.commits).toEqual([]);
    expect(store.failures).toEqual([]);
  });

  it('rethrows a retryable error on a non-final attempt without failing the operation', async () => {
    const operationId = await reserve();
    const deadlock = new Error('deadlock detected');
    store.commitError = deadlock;

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, false))).rejects.toBe(deadlock);

    expect(store.failures).toEqual([]);
    expect((await store.operations.findById(operationId))?.state).toBe(OperationState.Running);
  });

  it('succeeds on the retry after a retryable error', async () => {
    const operationId = await reserve();
    store.commitError = new Error('deadlock detected');
    await expect(handler.execute(new ProvisionInstanceCommand(operationId, false))).rejects.toThrow(
      'deadlock detected',
    );

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, true))).resolves.toBe(
      OperationState.Succeeded,
    );
    expect(store.commits).toHaveLength(1);
    expect((await store.operations.findById(operationId))?.attempts).toBe(2);
  });

  it('fails the operation with INTERNAL on the final attempt', async () => {
    const operationId = await reserve();
    store.commitError = new Error('connection terminated unexpectedly');

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, true))).resolves.toBe(OperationState.Failed);

    expect(store.failures).toEqual([
      {
        operationId,
        failure: {
          reason: FailureReason.Internal,
          message: 'internal error while provisioning the instance',
          retryable: true,
        },
        at: clock.now(),
      },
    ]);
    expect(store.commits).toEqual([]);
  });

  it('fails at once with DOMAIN_TAKEN on ALREADY_EXISTS, even on a non-final attempt', async () => {
    const operationId = await reserve();
    store.commitError = DomainError.alreadyExists('domain login.acme.example.com is already taken');

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, false))).resolves.toBe(
      OperationState.Failed,
    );

    expect(store.failures).toEqual([
      {
        operationId,
        failure: {
          reason: FailureReason.DomainTaken,
          message: 'domain login.acme.example.com is already taken',
          retryable: false,
        },
        at: clock.now(),
      },
    ]);
  });

  describe('secrets', () => {
    it('hashes the password and keeps it out of the plan', async () => {
      const operationId = await reserve();

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      const plan = onlyPlan();
      expect(hasher.hashed).toEqual([PASSWORD]);
      expect(plan.users[0].passwordHash).toBe(await hasher.hash(PASSWORD));
      expect(JSON.stringify(plan)).not.toContain(PASSWORD);
    });

    it('seals the PAT and the key file into the plan, to expire after the retention', async () => {
      const operationId = await reserve();

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      const plan = onlyPlan();
      expect(plan.sealedSecrets).not.toBeNull();
      const secrets = JSON.parse(sealer.open(plan.sealedSecrets ?? '')) as CreateInstanceSecrets;
      expect(Object.keys(secrets).sort()).toEqual(['machineKey', 'pat']);
      expect(plan.tokens[0].digest).toBe(tokens.digest(secrets.pat ?? ''));
      expect(plan.secretsExpireAt).toEqual(new Date(clock.now().getTime() + 3600 * 1000));
    });

    it('stores neither the PAT nor the private key in the clear', async () => {
      const operationId = await reserve();

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      const plan = onlyPlan();
      const secrets = JSON.parse(sealer.open(plan.sealedSecrets ?? '')) as CreateInstanceSecrets;
      const { sealedSecrets: _sealed, ...rest } = plan;
      const clear = JSON.stringify(rest);
      expect(clear).not.toContain(secrets.pat);
      expect(clear).not.toContain('PRIVATE KEY');
      expect(plan.machineKeys[0].publicKeyPem).toBe(FAKE_KEY_PAIR.publicKeyPem);
    });

    it('hands out the key file ZITADEL does: {type, keyId, key, expirationDate, userId}', async () => {
      const operationId = await reserve();

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      const plan = onlyPlan();
      const secrets = JSON.parse(sealer.open(plan.sealedSecrets ?? '')) as CreateInstanceSecrets;
      const file = JSON.parse(Buffer.from(secrets.machineKey ?? '', 'base64').toString('utf8')) as MachineKeyFile;
      const machine = plan.users.find((u) => u.kind === 'machine');
      expect(file).toEqual({
        type: 'serviceaccount',
        keyId: plan.machineKeys[0].id,
        key: FAKE_KEY_PAIR.privateKeyPem,
        expirationDate: NO_EXPIRY,
        userId: machine?.id,
      });
      expect(Object.keys(file)).toEqual(['type', 'keyId', 'key', 'expirationDate', 'userId']);
    });

    it('writes the requested expiry into the key file', async () => {
      const operationId = await reserve({
        instanceName: 'x',
        machine: { userName: 'bot', machineKey: { expirationDate: '2031-06-30T10:00:00+02:00' } },
      });

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      const secrets = JSON.parse(sealer.open(onlyPlan().sealedSecrets ?? '')) as CreateInstanceSecrets;
      const file = JSON.parse(Buffer.from(secrets.machineKey ?? '', 'base64').toString('utf8')) as MachineKeyFile;
      expect(file.expirationDate).toBe('2031-06-30T08:00:00.000Z');
      expect(onlyPlan().machineKeys[0].expiresAt).toEqual(new Date('2031-06-30T08:00:00.000Z'));
    });

    it('seals nothing when nothing secret was made', async () => {
      const operationId = await reserve({
        instanceName: 'x',
        human: { userName: 'u', email: { email: 'u@x.io' }, password: { password: PASSWORD } },
      });

      await handler.execute(new ProvisionInstanceCommand(operationId, false));

      expect(onlyPlan()).toMatchObject({ sealedSecrets: null, secretsExpireAt: null });
      expect(keys.calls).toBe(0);
    });
  });

  it('writes an instance awaiting setup with no org, users or buckets', async () => {
    const operationId = await reserve({ instanceName: 'Waiting' });

    await expect(handler.execute(new ProvisionInstanceCommand(operationId, false))).resolves.toBe(
      OperationState.Succeeded,
    );

    expect(onlyPlan()).toMatchObject({
      org: null,
      users: [],
      buckets: [],
      tokens: [],
      machineKeys: [],
      sealedSecrets: null,
    });
    expect(onlyPlan().events.map((e) => e.type)).toEqual(['instance.added', 'instance.running']);
    expect(hasher.hashed).toEqual([]);
  });
});
