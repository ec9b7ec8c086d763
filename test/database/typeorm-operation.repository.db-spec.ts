import { FailureReason, OperationKind, OperationState } from '@app/domain';

import { AppConfig } from '../../libs/infrastructure/src/config/app-config';
import { PgOperationChanges } from '../../libs/persistence/src/outbox/pg-operation-changes';
import { TypeOrmOperationRepository } from '../../libs/persistence/src/repositories/typeorm-operation.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';
import { until } from '../support/until';

interface StoredOperation {
  id?: string;
  instanceId: string;
  kind?: OperationKind;
  state?: OperationState;
  createdAt?: Date;
  finishedAt?: Date | null;
  outcome?: unknown;
  failure?: unknown;
  sealedSecrets?: string | null;
  secretsExpireAt?: Date | null;
}

describe('TypeOrmOperationRepository', () => {
  let harness: RepositoryHarness;
  let changes: PgOperationChanges;
  let repo: TypeOrmOperationRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  /** Writes an operation as the owner, as the stores would have; answers its id. */
  const stored = async (o: StoredOperation): Promise<string> => {
    const id = o.id ?? newId();
    const createdAt = o.createdAt ?? new Date();
    await harness.owner(
      `INSERT INTO operations (id, instance_id, kind, state, created_by, request, outcome, failure, sealed_secrets,
                               secrets_expire_at, created_at, finished_at, updated_at, total_steps)
       VALUES ($1, $2, $3, $4, 'caller', '{"asked": true}', $5, $6, $7, $8, $9, $10, $9, 3)`,
      [
        id,
        o.instanceId,
        o.kind ?? OperationKind.CreateInstance,
        o.state ?? OperationState.Pending,
        o.outcome === undefined ? null : JSON.stringify(o.outcome),
        o.failure === undefined ? null : JSON.stringify(o.failure),
        o.sealedSecrets ?? null,
        o.secretsExpireAt ?? null,
        createdAt,
        o.finishedAt ?? null,
      ],
    );
    return id;
  };
  const row = async (id: string) =>
    (
      await harness.owner<{
        state: string;
        attempts: number;
        started_at: Date | null;
        current_step: string | null;
        completed_steps: number;
        step_starts: unknown;
        sealed_secrets: string | null;
      }>(
        'SELECT state, attempts, started_at, current_step, completed_steps, step_starts, sealed_secrets FROM operations WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    const config = AppConfig.fromEnvironment({
      NODE_ENV: 'test',
      DATABASE_URL: harness.db.applicationUrl,
      OPERATION_WAIT_FALLBACK_MS: '60000',
    });
    changes = new PgOperationChanges(config);
    repo = new TypeOrmOperationRepository(harness.system, changes, config);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(async () => {
    await changes.onApplicationShutdown();
    await harness.stop();
  });

  describe('findById', () => {
    it("finds any instance's operation by its id alone (the System API knows no instance)", async () => {
      expect(await repo.findById(a.operationId)).toMatchObject({ id: a.operationId, instanceId: a.instanceId });
      expect(await repo.findById(b.operationId)).toMatchObject({ id: b.operationId, instanceId: b.instanceId });
      expect(await repo.findById(newId())).toBeNull();
    });

    it('maps a finished creation: outcome with dates, failure, secrets', async () => {
      const at = new Date('2026-05-06T07:08:09.000Z');
      const details = {
        sequence: '42',
        creationDate: at.toISOString(),
        changeDate: at.toISOString(),
        resourceOwner: a.instanceId,
      };
      const id = await stored({
        instanceId: a.instanceId,
        state: OperationState.Succeeded,
        outcome: { instanceId: a.instanceId, details },
        sealedSecrets: 'sealed',
        secretsExpireAt: at,
        finishedAt: at,
      });
      expect(await repo.findById(id)).toMatchObject({
        kind: OperationKind.CreateInstance,
        state: OperationState.Succeeded,
        request: { asked: true },
        outcome: { instanceId: a.instanceId, details: { ...details, creationDate: at, changeDate: at } },
        onboarding: null,
        failure: null,
        sealedSecrets: 'sealed',
        secretsExpireAt: at,
        finishedAt: at,
        progress: { currentStep: null, completedSteps: 0, totalSteps: 3 },
      });
      const failure = { reason: FailureReason.Conflict, message: 'taken', retryable: false };
      const failed = await stored({ instanceId: a.instanceId, state: OperationState.Failed, failure });
      expect(await repo.findById(failed)).toMatchObject({ failure, outcome: null, onboarding: null });
    });

    it('maps a setup: its outcome is the onboarding, not an instance outcome', async () => {
      const onboarding = { user: { id: a.userId, name: 'me', status: 'active' } };
      const id = await stored({
        instanceId: a.instanceId,
        kind: OperationKind.SetupUser,
        state: OperationState.Succeeded,
        outcome: onboarding,
      });
      expect(await repo.findById(id)).toMatchObject({ outcome: null, onboarding });
    });
  });

  describe('list', () => {
    it('filters by instance, kind and state, newest first, and pages by the (created_at, id) cursor', async () => {
      const { instanceId, operationId: seeded } = await harness.seedInstance();
      // only the operations of this test
      await harness.owner('DELETE FROM operations WHERE id = $1', [seeded]);
      const base = Date.parse('2026-01-01T00:00:00Z');
      const ids: string[] = [];
      for (let i = 0; i < 4; i++)
        ids.push(
          await stored({
            instanceId,
            createdAt: new Date(base + i * 1000),
            state: i % 2 ? OperationState.Running : OperationState.Pending,
          }),
        );
      await stored({ instanceId, kind: OperationKind.RemoveInstance, createdAt: new Date(base + 10_000) });

      const creations = await repo.list({ instanceId, kind: OperationKind.CreateInstance, limit: 10 });
      expect(creations.map((o) => o.id)).toEqual([...ids].reverse());
      const running = await repo.list({ instanceId, state: OperationState.Running, limit: 10 });
      expect(running.map((o) => o.id)).toEqual([ids[3], ids[1]]);
      const page = await repo.list({
        instanceId,
        kind: OperationKind.CreateInstance,
        before: { createdAt: new Date(base + 2000), id: ids[2] },
        limit: 1,
      });
      expect(page.map((o) => o.id)).toEqual([ids[1]]);
      // across instances when no instance is named
      const all = await repo.list({ limit: 100 });
      expect(new Set(all.map((o) => o.instanceId))).toEqual(new Set([a.instanceId, b.instanceId, instanceId]));
    });
  });

  describe('the worker: markRunning and recordProgress', () => {
    it('counts attempts, keeps the first start, and refuses a finished operation', async () => {
      const id = await stored({ instanceId: b.instanceId });
      const first = new Date('2026-02-02T00:00:00Z');
      expect(await repo.markRunning(id, first)).toMatchObject({ id, state: OperationState.Running, attempts: 1 });
      expect(await repo.markRunning(id, new Date('2026-02-02T00:01:00Z'))).toMatchObject({
        id,
        state: OperationState.Running,
        attempts: 2,
        startedAt: first,
      });
      expect(await row(id)).toMatchObject({ state: OperationState.Running, attempts: 2, started_at: first });
      expect(await repo.markRunning(b.operationId, first)).toBeNull();
      expect(await repo.markRunning(newId(), first)).toBeNull();
    });

    it('records progress of a RUNNING operation, and its steps only when given', async () => {
      const id = await stored({ instanceId: b.instanceId, state: OperationState.Running });
      const startedAt = new Date('2026-02-02T00:00:00.000Z');
      await repo.recordProgress(id, {
        currentStep: 'keys',
        completedSteps: 1,
        totalSteps: 3,
        steps: [{ name: 'keys', startedAt }],
      });
      await repo.recordProgress(id, { currentStep: 'hash', completedSteps: 2, totalSteps: 3 });
      expect(await row(id)).toMatchObject({
        current_step: 'hash',
        completed_steps: 2,
        step_starts: [{ name: 'keys', startedAt: startedAt.toISOString() }],
      });
      expect((await repo.findById(id))?.progress.steps).toEqual([{ name: 'keys', startedAt }]);
      await repo.recordProgress(b.operationId, { currentStep: 'late', completedSteps: 9, totalSteps: 9 });
      expect(await row(b.operationId)).toMatchObject({ current_step: null, state: 'SUCCEEDED' });
    });
  });

  describe('service-wide maintenance', () => {
    it('erases only the secrets whose time is up, in every instance', async () => {
      const now = new Date('2026-04-01T00:00:00Z');
      const expiredA = await stored({
        instanceId: a.instanceId,
        sealedSecrets: 's',
        secretsExpireAt: new Date(now.getTime() - 1),
      });
      const expiredB = await stored({ instanceId: b.instanceId, sealedSecrets: 's', secretsExpireAt: now });
      const kept = await stored({
        instanceId: b.instanceId,
        sealedSecrets: 's',
        secretsExpireAt: new Date(now.getTime() + 1),
      });
      expect(await repo.eraseExpiredSecrets(now)).toBe(2);
      expect((await row(expiredA)).sealed_secrets).toBeNull();
      expect((await row(expiredB)).sealed_secrets).toBeNull();
      expect((await row(kept)).sealed_secrets).toBe('s');
    });

    it('counts operations by kind and state over every instance', async () => {
      const counts = await repo.countByKindAndState();
      const expected = await harness.owner<{ kind: string; state: string; count: number }>(
        'SELECT kind, state, count(*)::int AS count FROM operations GROUP BY kind, state ORDER BY kind, state',
      );
      expect(counts).toEqual(expected);
      expect(new Set(counts.map((c) => c.kind)).size).toBeGreaterThan(1);
    });

    it('prunes finished operations, finished deliveries and dispatched outbox events that no delivery needs', async () => {
      const cutoff = new Date('2025-06-01T00:00:00Z');
      const old = new Date(cutoff.getTime() - 1000);
      const oldOperation = await stored({ instanceId: a.instanceId, state: OperationState.Succeeded, finishedAt: old });
      const recentOperation = await stored({
        instanceId: b.instanceId,
        state: OperationState.Failed,
        finishedAt: cutoff,
      });
      const webhookId = newId();
      const [dispatched, needed, pending] = [newId(), newId(), newId()];
      await harness.owner(
        `INSERT INTO webhooks (id, url, event_types, sealed_secret, created_by, created_at)
           VALUES ($1, 'https://example.com/hook', '{operation.finished}', 'sealed', 'caller', now())`,
        [webhookId],
      );
      for (const [id, dispatchedAt] of [
        [dispatched, old],
        [needed, old],
        [pending, null],
      ] as const)
        await harness.owner(
          `INSERT INTO outbox_events (id, type, instance_id, payload, created_at, dispatched_at)
           VALUES ($1, 'operation.finished', $2, '{}', $3, $4)`,
          [id, a.instanceId, old, dispatchedAt],
        );
      await harness.owner(
        `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, created_at, finished_at)
         VALUES ($1, $2, $3, 'operation.finished', 'PENDING', $4, NULL)`,
        [newId(), webhookId, needed, old],
      );

      expect(await repo.pruneFinished(cutoff)).toBe(1);
      const left = await harness.owner<{ id: string }>('SELECT id FROM operations WHERE id = ANY($1)', [
        [oldOperation, recentOperation],
      ]);
      expect(left).toEqual([{ id: recentOperation }]);
      const events = await harness.owner<{ id: string }>(
        'SELECT id FROM outbox_events WHERE id = ANY($1) ORDER BY id',
        [[dispatched, needed, pending]],
      );
      expect(events.map((e) => e.id)).toEqual([needed, pending].sort());
    });
  });

  describe('waitUntilFinished', () => {
    it('wakes on the change notification, long before the fallback poll', async () => {
      const id = await stored({ instanceId: a.instanceId, state: OperationState.Running });
      const started = Date.now();
      const waiting = repo.waitUntilFinished(id, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await harness.owner(`UPDATE operations SET state = 'SUCCEEDED', finished_at = now() WHERE id = $1`, [id]);
      expect(await waiting).toMatchObject({ id, state: OperationState.Succeeded });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('reads the operation again when it finishes, not at each progress change before', async () => {
      const id = await stored({ instanceId: a.instanceId, state: OperationState.Running });
      const reads = jest.spyOn(repo, 'findById');
      try {
        const waiting = repo.waitUntilFinished(id, 20_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        for (const step of [1, 2, 3]) {
          await harness.owner('UPDATE operations SET completed_steps = $2 WHERE id = $1', [id, step]);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(reads).toHaveBeenCalledTimes(1);
        await harness.owner(`UPDATE operations SET state = 'FAILED', finished_at = now() WHERE id = $1`, [id]);
        expect(await waiting).toMatchObject({ id, state: OperationState.Failed });
        expect(reads).toHaveBeenCalledTimes(2);
      } finally {
        reads.mockRestore();
      }
    });

    it('does not poll while change notifications flow, and polls while they do not', async () => {
      const polling = AppConfig.fromEnvironment({
        NODE_ENV: 'test',
        DATABASE_URL: harness.db.applicationUrl,
        OPERATION_WAIT_FALLBACK_MS: '50',
      });
      const quickPoller = new TypeOrmOperationRepository(harness.system, changes, polling);
      const id = await stored({ instanceId: a.instanceId, state: OperationState.Running });
      await until('listening for operation changes', () => changes.listening);
      const reads = jest.spyOn(quickPoller, 'findById');
      try {
        await quickPoller.waitUntilFinished(id, 600);
        // the first read and the one at the deadline; a 50 ms poll would have read about twelve times
        expect(reads.mock.calls.length).toBeLessThanOrEqual(3);

        reads.mockClear();
        // notifications from a server that is not there: never listening
        const unheard = new PgOperationChanges(
          AppConfig.fromEnvironment({
            NODE_ENV: 'test',
            DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
            OPERATION_WAIT_FALLBACK_MS: '50',
          }),
        );
        const deaf = new TypeOrmOperationRepository(harness.system, unheard, polling);
        const deafReads = jest.spyOn(deaf, 'findById');
        await deaf.waitUntilFinished(id, 600);
        expect(deafReads.mock.calls.length).toBeGreaterThan(5);
        await unheard.onApplicationShutdown();
      } finally {
        reads.mockRestore();
      }
    });

    it('answers the unfinished operation when the time is up', async () => {
      const id = await stored({ instanceId: a.instanceId, state: OperationState.Pending });
      expect(await repo.waitUntilFinished(id, 200)).toMatchObject({ id, state: OperationState.Pending });
    });
  });
});
