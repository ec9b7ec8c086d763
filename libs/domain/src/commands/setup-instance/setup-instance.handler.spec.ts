import { operatorPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { type OnboardingInput } from '../../onboarding/onboarding-input';
import { FailureReason, OperationKind, OperationState } from '../../operations/operation';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { orgOwnerOf, tokenCaller } from '../../testing/callers';
import { InMemoryOnboardingStore } from '../../testing/in-memory-onboarding';
import {
  FakeSecretSealer,
  FixedClock,
  InMemoryProvisioningStore,
  RecordingProvisioningQueue,
  SequentialIdGenerator,
  TEST_SETTINGS,
} from '../../testing/in-memory-ports';
import { SetupInstanceCommand } from './setup-instance.command';
import { SETUP_COMPLETED, SetupInstanceHandler } from './setup-instance.handler';

const INSTANCE = '00000000000000aa';
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;
const INPUT: OnboardingInput = { username: 'ada', password: 'correct horse', org: 'acme', bucket: 'metrics' };
const anonymous = anonymousCaller(INSTANCE);
const operator = tokenCaller(INSTANCE, ROOT, operatorPermissions());

describe(SetupInstanceHandler.name, () => {
  let store: InMemoryOnboardingStore;
  let queue: RecordingProvisioningQueue;
  let sealer: FakeSecretSealer;
  let handler: SetupInstanceHandler;
  const setup = (caller: TenantCaller = anonymous, mode: 'initial' | 'additional' = 'initial', input = INPUT) =>
    handler.execute(new SetupInstanceCommand(caller, input, mode, 'digest-of-claim'));
  const stored = () => [...store.operations.rows.values()];

  beforeEach(() => {
    store = new InMemoryOnboardingStore();
    queue = new RecordingProvisioningQueue();
    sealer = new FakeSecretSealer();
    handler = new SetupInstanceHandler(
      new FixedClock(),
      new SequentialIdGenerator(),
      sealer,
      store,
      new InMemoryProvisioningStore(store.operations),
      queue,
      { ...TEST_SETTINGS, maxPendingTenantOperations: 2 },
    );
  });

  it('stores a pending SETUP_INSTANCE operation with the password sealed apart from the request, and queues it', async () => {
    const { operationId } = await setup();
    expect(queue.onboarding).toEqual([operationId]);
    const [operation] = stored();
    expect(operation).toMatchObject({
      id: operationId,
      instanceId: INSTANCE,
      kind: OperationKind.SetupInstance,
      state: OperationState.Pending,
      createdBy: 'digest-of-claim',
      requestedBy: null,
      request: { username: 'ada', org: 'acme', bucket: 'metrics', hasPassword: true, retentionSeconds: 0 },
      progress: { completedSteps: 0, totalSteps: 3 },
    });
    expect(JSON.stringify(operation.request)).not.toContain('correct horse');
    expect(JSON.parse(sealer.open(operation.sealedInput!))).toEqual({ password: 'correct horse' });
  });

  it('refuses the initial setup of an instance that has users or orgs with 409, queuing nothing', async () => {
    store.orgs.users.put(INSTANCE, ROOT);
    await expect(setup()).rejects.toMatchObject({ code: ErrorCode.Conflict, message: SETUP_COMPLETED });
    expect(stored()).toEqual([]);
    expect(queue.onboarding).toEqual([]);
  });

  it('refuses a second initial setup while the first is under way', async () => {
    await setup();
    await expect(setup()).rejects.toMatchObject({ code: ErrorCode.Conflict, message: SETUP_COMPLETED });
    expect(queue.onboarding).toHaveLength(1);
  });

  it('needs an operator token for an additional user, and records which token asked', async () => {
    for (const caller of [anonymous, orgOwnerOf(INSTANCE, '00000000000000c1', ROOT)]) {
      await expect(setup(caller, 'additional')).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    }
    await setup(operator, 'additional');
    expect(stored()).toEqual([
      expect.objectContaining({ kind: OperationKind.SetupUser, requestedBy: `token:${operator.tokenId}` }),
    ]);
  });

  it('refuses an incomplete or invalid request before storing anything', async () => {
    await expect(setup(anonymous, 'initial', { username: 'ada', org: 'acme' })).rejects.toMatchObject({
      code: ErrorCode.Unprocessable,
      message: 'bucket is required',
    });
    await expect(setup(anonymous, 'initial', { ...INPUT, password: 'short' })).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
    });
    expect(stored()).toEqual([]);
  });

  it('refuses more unfinished setups than the instance may queue with 429 and a retry delay', async () => {
    await setup(operator, 'additional');
    await setup(operator, 'additional', { ...INPUT, username: 'bob' });
    await expect(setup(operator, 'additional', { ...INPUT, username: 'cy' })).rejects.toMatchObject({
      code: ErrorCode.ResourceExhausted,
      retryAfterSeconds: 5,
    });
    expect(stored()).toHaveLength(2);
  });

  it('fails the operation at once when the queue refuses it, so that setup may be tried again', async () => {
    queue.failWith = new Error('redis is down');
    await expect(setup()).rejects.toThrow('redis is down');
    expect(stored()).toEqual([
      expect.objectContaining({
        state: OperationState.Failed,
        sealedInput: null,
        failure: expect.objectContaining({ reason: FailureReason.Internal, retryable: true }),
      }),
    ]);
    queue.failWith = null;
    await setup();
    expect(queue.onboarding).toHaveLength(1);
  });
});
