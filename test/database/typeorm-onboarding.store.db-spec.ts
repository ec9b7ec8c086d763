import {
  ErrorCode,
  type OnboardingMode,
  type OnboardingReservation,
  OperationKind,
  OperationState,
  planOnboarding,
  SETUP_COMPLETED,
} from '@app/domain';

import { TypeOrmOnboardingStore } from '../../libs/persistence/src/repositories/typeorm-onboarding.store';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmOnboardingStore', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmOnboardingStore;
  let b: SeededInstance;
  const at = new Date('2026-07-08T09:10:11.000Z');
  const admitAll = () => undefined;

  /** A running instance with no user and no org: what `/api/v2/setup` finds. */
  const emptyInstance = async (): Promise<string> => {
    const id = newId();
    await harness.owner(
      `INSERT INTO instances (id, name, state, default_language, created_at, updated_at)
       VALUES ($1, $2, 'STATE_RUNNING', 'en', now(), now())`,
      [id, `empty ${id}`],
    );
    return id;
  };
  const reservation = (instanceId: string, mode: OnboardingMode = 'initial'): OnboardingReservation => ({
    operationId: newId(),
    instanceId,
    kind: mode === 'initial' ? OperationKind.SetupInstance : OperationKind.SetupUser,
    createdBy: 'claim-digest',
    requestedBy: mode === 'initial' ? null : 'token:abc',
    request: { username: 'admin', org: 'acme', bucket: 'data', retentionSeconds: 0, hasPassword: false, maxBuckets: 7 },
    sealedInput: 'sealed-input',
    totalSteps: 3,
    at,
  });
  const plan = (r: OnboardingReservation, mode: OnboardingMode = 'initial', username = 'admin', org = 'acme') =>
    planOnboarding({
      operationId: r.operationId,
      instanceId: r.instanceId,
      mode,
      spec: { username, org, bucket: 'data', retentionSeconds: 3600, hasPassword: false, maxBuckets: 7 },
      ids: { userId: newId(), orgId: newId(), tokenId: newId(), bucketIds: [newId(), newId(), newId()] },
      passwordHash: null,
      tokenDigest: `digest-${newId()}`,
      sealedSecrets: 'sealed-token',
      secretsExpireAt: new Date('2030-01-01T00:00:00Z'),
      at,
    });
  const operation = async (id: string) =>
    (
      await harness.owner<{ state: string; kind: string; requested_by: string | null; outcome: unknown }>(
        'SELECT state, kind, requested_by, outcome FROM operations WHERE id = $1',
        [id],
      )
    )[0];
  const count = async (table: string, instanceId: string) =>
    Number(
      (await harness.owner<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE instance_id = $1`, [instanceId]))[0]
        .n,
    );

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    store = new TypeOrmOnboardingStore(harness.tenant);
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it('allows setup exactly while the instance has no user and no org', async () => {
    expect(await store.isSetupAllowed(await emptyInstance())).toBe(true);
    expect(await store.isSetupAllowed(b.instanceId)).toBe(false);
  });

  it('reserves one initial setup per instance, counting the unfinished ones for admission', async () => {
    const instanceId = await emptyInstance();
    const first = reservation(instanceId);
    const counts: number[] = [];
    await store.reserve(first, (n) => counts.push(n));
    expect(await operation(first.operationId)).toEqual({
      state: OperationState.Pending,
      kind: OperationKind.SetupInstance,
      requested_by: null,
      outcome: null,
    });
    await expect(store.reserve(reservation(instanceId), (n) => counts.push(n))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: SETUP_COMPLETED,
    });
    expect(counts).toEqual([0, 1]);
    expect(await count('operations', instanceId)).toBe(1);
  });

  it('commits the initial setup: user, org, owner, operator, buckets, token, events, limit; once', async () => {
    const instanceId = await emptyInstance();
    const r = reservation(instanceId);
    await store.reserve(r, admitAll);
    const initial = plan(r);
    expect(await store.commit(initial, at)).toBe('written');

    for (const [table, n] of [
      ['users', 1],
      ['orgs', 1],
      ['org_members', 1],
      ['instance_members', 1],
      ['buckets', 3],
      ['tokens', 1],
      ['events', initial.events.length],
      ['outbox_events', 1],
    ] as const)
      expect({ table, n: await count(table, instanceId) }).toEqual({ table, n });
    const [token] = await harness.owner<{ kind: string; permissions: unknown }>(
      'SELECT kind, permissions FROM tokens WHERE instance_id = $1',
      [instanceId],
    );
    expect(token).toEqual({ kind: 'authorization', permissions: initial.token.permissions });
    const [instance] = await harness.owner<{ max_buckets: number }>('SELECT max_buckets FROM instances WHERE id = $1', [
      instanceId,
    ]);
    expect(instance.max_buckets).toBe(7);
    expect(await operation(r.operationId)).toMatchObject({ state: OperationState.Succeeded, outcome: initial.outcome });
    expect(await store.isSetupAllowed(instanceId)).toBe(false);

    expect(await store.commit(initial, at)).toBe('already-finished');
    expect(await count('users', instanceId)).toBe(1);
  });

  it('refuses an initial setup once the instance has users, and a taken user name, writing nothing', async () => {
    const r = reservation(b.instanceId, 'additional');
    await store.reserve(r, admitAll);
    await expect(store.commit(plan(r, 'initial'), at)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: SETUP_COMPLETED,
    });
    await expect(store.commit(plan(r, 'additional', `user-${b.userId}`, 'other org'), at)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: `user with name user-${b.userId} already exists`,
    });
    expect(await operation(r.operationId)).toMatchObject({ state: OperationState.Pending });
    expect(await count('users', b.instanceId)).toBe(1);

    expect(await store.commit(plan(r, 'additional', 'second', 'second org'), at)).toBe('written');
    expect(await count('users', b.instanceId)).toBe(2);
    expect(await count('instance_members', b.instanceId)).toBe(1);
  });

  it("cannot reach another instance's operation: a plan naming B's operation under A writes nothing", async () => {
    const a = await emptyInstance();
    const theirs = reservation(b.instanceId, 'additional');
    await store.reserve(theirs, admitAll);
    const forged = { ...plan(theirs), instanceId: a };
    expect(await store.commit(forged, at)).toBe('already-finished');
    expect(await operation(theirs.operationId)).toMatchObject({ state: OperationState.Pending });
    expect(await count('users', a)).toBe(0);
    expect(await store.isSetupAllowed(a)).toBe(true);
  });
});
