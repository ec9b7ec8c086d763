import { DomainError, ErrorCode, FailureReason, InstanceState, OperationState } from '@app/domain';

import { TypeOrmProvisioningStore } from '../../libs/persistence/src/repositories/typeorm-provisioning.store';
import { instanceReservation, provisioningPlan } from '../support/operation-fixtures';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmProvisioningStore', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmProvisioningStore;
  let b: SeededInstance;
  const at = new Date('2026-03-04T05:06:07.000Z');

  const operation = async (id: string) =>
    (
      await harness.owner<{ state: string; outcome: unknown; failure: unknown; sealed_secrets: string | null }>(
        'SELECT state, outcome, failure, sealed_secrets FROM operations WHERE id = $1',
        [id],
      )
    )[0];
  const instanceState = async (id: string) =>
    (await harness.owner<{ state: string }>('SELECT state FROM instances WHERE id = $1', [id]))[0]?.state;
  const count = async (sql: string, params: unknown[]) =>
    Number((await harness.owner<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0].n);

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    store = new TypeOrmProvisioningStore(harness.tenant, harness.system);
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  describe('reserve', () => {
    it('stores the instance, its domains and the PENDING operation', async () => {
      const r = instanceReservation('reserve-caller', at);
      await store.reserve(r);
      expect(await instanceState(r.instanceId)).toBe(InstanceState.Creating);
      expect(await operation(r.operation.id)).toMatchObject({ state: OperationState.Pending, outcome: null });
      const [stored] = await harness.owner<{ request: unknown; sealed_input: string; total_steps: number }>(
        'SELECT request, sealed_input, total_steps FROM operations WHERE id = $1',
        [r.operation.id],
      );
      expect(stored).toEqual({ request: r.operation.request, sealed_input: 'sealed-input', total_steps: 4 });
      expect(await count('instance_domains WHERE domain = $1', [r.domains[0].domain])).toBe(1);
    });

    it('counts the caller unfinished creations across instances, and stores nothing when admission refuses', async () => {
      const caller = `caller-${newId()}`;
      const seen: number[] = [];
      const full = new DomainError(ErrorCode.ResourceExhausted, 'too many');
      const upToTwo = Object.assign(
        (n: number) => {
          seen.push(n);
          if (n >= 2) throw full;
        },
        { limit: 2 },
      );
      await store.reserve(instanceReservation(caller, at), upToTwo);
      await store.reserve(instanceReservation(caller, at), upToTwo);
      const refused = instanceReservation(caller, at);
      await expect(store.reserve(refused, upToTwo)).rejects.toBe(full);
      // asked only to refuse, with the count of the caller's other unfinished creations
      expect(seen).toEqual([2]);
      expect(await instanceState(refused.instanceId)).toBeUndefined();
      expect(await count('operations WHERE created_by = $1', [caller])).toBe(2);
    });

    it('admits exactly the limit when one caller reserves concurrently', async () => {
      const caller = `caller-${newId()}`;
      const limit = 4;
      const admitUpTo = Object.assign(
        (n: number) => {
          if (n >= limit) throw new DomainError(ErrorCode.ResourceExhausted, `${n} pending`);
        },
        { limit },
      );
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, () => store.reserve(instanceReservation(caller, at), admitUpTo)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(limit);
      for (const o of outcomes.filter((o) => o.status === 'rejected'))
        expect(o.reason).toMatchObject({ code: ErrorCode.ResourceExhausted });
      expect(await count('operations WHERE created_by = $1', [caller])).toBe(limit);
    });

    it('refuses a taken domain with ALREADY_EXISTS and stores nothing', async () => {
      const r = {
        ...instanceReservation('reserve-caller', at),
        domains: [{ domain: b.domain, generated: false, primary: true }],
      };
      await expect(store.reserve(r)).rejects.toMatchObject({
        code: ErrorCode.AlreadyExists,
        message: `domain "${b.domain}" is already taken`,
      });
      expect(await instanceState(r.instanceId)).toBeUndefined();
      expect(await count('operations WHERE id = $1', [r.operation.id])).toBe(0);
    });

    it('refuses a taken domain with ALREADY_EXISTS even when the caller is at its limit (the domain is checked first)', async () => {
      const caller = `caller-${newId()}`;
      const atLimit = Object.assign(
        (n: number) => {
          throw new DomainError(ErrorCode.ResourceExhausted, `${n} pending`);
        },
        { limit: 0 },
      );
      const r = {
        ...instanceReservation(caller, at),
        domains: [{ domain: b.domain, generated: false, primary: true }],
      };
      await expect(store.reserve(r, atLimit)).rejects.toMatchObject({ code: ErrorCode.AlreadyExists });
      await expect(store.reserve(instanceReservation(caller, at), atLimit)).rejects.toMatchObject({
        code: ErrorCode.ResourceExhausted,
      });
      expect(await count('operations WHERE created_by = $1', [caller])).toBe(0);
    });
  });

  describe('commit', () => {
    it('writes every row of the plan with its events and finishes the operation, once', async () => {
      const r = instanceReservation('commit-caller', at);
      await store.reserve(r);
      const plan = provisioningPlan(r);
      expect(await store.commit(plan, at)).toBe('written');

      expect(await instanceState(r.instanceId)).toBe(InstanceState.Running);
      for (const table of ['orgs', 'users', 'org_members', 'instance_members', 'tokens', 'machine_keys', 'buckets'])
        expect({ table, n: await count(`${table} WHERE instance_id = $1`, [r.instanceId]) }).toEqual({ table, n: 1 });
      const [token] = await harness.owner<{ permissions: unknown }>(
        'SELECT permissions FROM tokens WHERE instance_id = $1',
        [r.instanceId],
      );
      expect(token.permissions).toEqual(plan.tokens[0].permissions);
      const events = await harness.owner<{ sequence: string; event_type: string }>(
        'SELECT sequence::text, event_type FROM events WHERE instance_id = $1 ORDER BY sequence',
        [r.instanceId],
      );
      expect(events.map((e) => e.event_type)).toEqual(plan.events.map((e) => e.type));
      expect(await operation(r.operation.id)).toEqual({
        state: OperationState.Succeeded,
        sealed_secrets: 'sealed-secrets',
        failure: null,
        outcome: {
          instanceId: r.instanceId,
          details: {
            sequence: events[events.length - 1].sequence,
            creationDate: at.toISOString(),
            changeDate: at.toISOString(),
            resourceOwner: r.instanceId,
          },
        },
      });
      const outbox = await harness.owner<{ type: string }>(
        'SELECT type FROM outbox_events WHERE instance_id = $1 ORDER BY type',
        [r.instanceId],
      );
      expect(outbox.map((e) => e.type)).toEqual(['instance.created', 'operation.finished']);

      // a redelivered job writes nothing more
      expect(await store.commit(plan, at)).toBe('already-finished');
      expect(await count('events WHERE instance_id = $1', [r.instanceId])).toBe(plan.events.length);
    });

    it('ends a cancel-requested operation CANCELLED and writes none of the plan', async () => {
      const r = instanceReservation('commit-caller', at);
      await store.reserve(r);
      await harness.owner(`UPDATE operations SET state = 'RUNNING' WHERE id = $1`, [r.operation.id]);
      expect(await store.cancel(r.operation.id, at)).toBe('requested');
      expect(await store.commit(provisioningPlan(r), at)).toBe('cancelled');
      expect(await operation(r.operation.id)).toMatchObject({ state: OperationState.Cancelled });
      expect(await instanceState(r.instanceId)).toBe(InstanceState.Failed);
      expect(await count('orgs WHERE instance_id = $1', [r.instanceId])).toBe(0);
    });

    it("cannot finish another instance's operation: a plan naming B's operation under A's instance writes nothing", async () => {
      const ours = instanceReservation('isolation-caller', at);
      const theirs = instanceReservation('isolation-caller', at);
      await store.reserve(ours);
      await store.reserve(theirs);
      const forged = { ...provisioningPlan(ours), operationId: theirs.operation.id };
      expect(await store.commit(forged, at)).toBe('already-finished');
      expect(await operation(theirs.operation.id)).toMatchObject({ state: OperationState.Pending });
      expect(await instanceState(ours.instanceId)).toBe(InstanceState.Creating);
      expect(await count('orgs WHERE instance_id = ANY($1)', [[ours.instanceId, theirs.instanceId]])).toBe(0);
    });
  });

  describe('fail and cancel', () => {
    it('fail releases the reservation: instance STATE_FAILED, domains freed, sealed data dropped, event and outbox', async () => {
      const r = instanceReservation('fail-caller', at);
      await store.reserve(r);
      const failure = { reason: FailureReason.Internal, message: 'boom', retryable: false };
      await store.fail(r.operation.id, failure, at);
      expect(await operation(r.operation.id)).toMatchObject({ state: OperationState.Failed, failure });
      expect(await instanceState(r.instanceId)).toBe(InstanceState.Failed);
      expect(await count('instance_domains WHERE instance_id = $1', [r.instanceId])).toBe(0);
      const [{ sealed_input }] = await harness.owner<{ sealed_input: string | null }>(
        'SELECT sealed_input FROM operations WHERE id = $1',
        [r.operation.id],
      );
      expect(sealed_input).toBeNull();
      expect(await count(`events WHERE instance_id = $1 AND event_type = 'instance.failed'`, [r.instanceId])).toBe(1);
      const outbox = await harness.owner<{ type: string }>(
        'SELECT type FROM outbox_events WHERE instance_id = $1 ORDER BY type',
        [r.instanceId],
      );
      expect(outbox.map((e) => e.type)).toEqual(['instance.failed', 'operation.finished']);
      // failing again, or an unknown operation, changes nothing
      await store.fail(r.operation.id, { ...failure, message: 'again' }, at);
      await store.fail(newId(), failure, at);
      expect(await operation(r.operation.id)).toMatchObject({ failure });
    });

    it('cancel ends a PENDING operation, asks a RUNNING one to stop, and leaves a finished one', async () => {
      const pending = instanceReservation('cancel-caller', at);
      await store.reserve(pending);
      expect(await store.cancel(pending.operation.id, at)).toBe('cancelled');
      expect(await operation(pending.operation.id)).toMatchObject({ state: OperationState.Cancelled });
      expect(await store.cancel(pending.operation.id, at)).toBe('finished');
      expect(await store.cancel(b.operationId, at)).toBe('finished');
      expect(await store.cancel(newId(), at)).toBe('finished');
      expect(await operation(b.operationId)).toMatchObject({ state: 'SUCCEEDED' });
    });
  });
});
