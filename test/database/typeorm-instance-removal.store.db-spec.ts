import { InstanceState, OperationKind, OperationState } from '@app/domain';

import { TENANT_TABLES } from '../../libs/persistence/src/migrations/1763892000000-row-level-security';
import { TypeOrmInstanceRemovalStore } from '../../libs/persistence/src/repositories/typeorm-instance-removal.store';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

/** Tables whose rows the purge deletes (directly or by cascade). */
const DELETED = [
  'users',
  'orgs',
  'org_members',
  'instance_members',
  'tokens',
  'machine_keys',
  'buckets',
  'bucket_members',
  'labels',
  'bucket_labels',
  'instance_domains',
];

describe('TypeOrmInstanceRemovalStore', () => {
  let harness: RepositoryHarness;
  let store: TypeOrmInstanceRemovalStore;
  let a: SeededInstance;
  let b: SeededInstance;
  // later than the seed's rows (written at now()), so that it is the last change
  const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);

  const rowsOf = async (instanceId: string): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const [table, column] of Object.entries(TENANT_TABLES)) {
      const [{ n }] = await harness.owner<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [instanceId],
      );
      counts[table] = n;
    }
    return counts;
  };
  const instanceState = async (id: string) =>
    (await harness.owner<{ state: string }>('SELECT state FROM instances WHERE id = $1', [id]))[0].state;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    store = new TypeOrmInstanceRemovalStore(harness.tenant, harness.system);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it('begins a removal once: instance STATE_STOPPING, a PENDING operation and an event', async () => {
    const operationId = newId();
    expect(await store.beginRemoval(a.instanceId, operationId, 'system-caller', at)).toEqual({
      operationId,
      started: true,
    });
    expect(await store.beginRemoval(a.instanceId, newId(), 'system-caller', at)).toEqual({
      operationId,
      started: false,
    });
    expect(await instanceState(a.instanceId)).toBe(InstanceState.Stopping);
    const [operation] = await harness.owner<{ kind: string; state: string; created_by: string }>(
      'SELECT kind, state, created_by FROM operations WHERE id = $1',
      [operationId],
    );
    expect(operation).toEqual({
      kind: OperationKind.RemoveInstance,
      state: OperationState.Pending,
      created_by: 'system-caller',
    });
    const events = await harness.owner<{ event_type: string; payload: unknown }>(
      `SELECT event_type, payload FROM events WHERE instance_id = $1 AND event_type = 'instance.stopping'`,
      [a.instanceId],
    );
    expect(events).toEqual([{ event_type: 'instance.stopping', payload: { operationId } }]);
  });

  it("purges every tenant row of its instance, keeps tombstone events, finishes the operation, and leaves B's rows", async () => {
    const before = await rowsOf(b.instanceId);
    const [{ id: operationId }] = await harness.owner<{ id: string }>(
      `SELECT id FROM operations WHERE instance_id = $1 AND kind = $2`,
      [a.instanceId, OperationKind.RemoveInstance],
    );
    expect(await store.purge(operationId, at)).toBe('written');

    const after = await rowsOf(a.instanceId);
    for (const table of DELETED) expect({ table, n: after[table] }).toEqual({ table, n: 0 });
    expect(await instanceState(a.instanceId)).toBe(InstanceState.Stopped);
    const events = await harness.owner<{ sequence: string; event_type: string; payload: unknown }>(
      'SELECT sequence::text, event_type, payload FROM events WHERE instance_id = $1 ORDER BY sequence',
      [a.instanceId],
    );
    expect(events.map((e) => e.event_type)).toEqual(['instance.added', 'instance.stopping', 'instance.removed']);
    // payloads are erased, except the tombstone written after the erasure
    expect(events.slice(0, 2).map((e) => e.payload)).toEqual([{}, {}]);
    const [operation] = await harness.owner<{ state: string; outcome: unknown }>(
      'SELECT state, outcome FROM operations WHERE id = $1',
      [operationId],
    );
    expect(operation).toEqual({
      state: OperationState.Succeeded,
      outcome: {
        instanceId: a.instanceId,
        details: {
          sequence: events[2].sequence,
          creationDate: expect.any(String),
          changeDate: at.toISOString(),
          resourceOwner: a.instanceId,
        },
      },
    });
    const outbox = await harness.owner<{ type: string }>(
      `SELECT type FROM outbox_events WHERE instance_id = $1 AND id <> $2 ORDER BY type`,
      [a.instanceId, a.operationId],
    );
    expect(outbox.map((e) => e.type)).toEqual(['instance.removed', 'operation.finished']);

    expect(await store.purge(operationId, at)).toBe('already-finished');
    expect(await store.purge(newId(), at)).toBe('already-finished');
    expect(await rowsOf(b.instanceId)).toEqual(before);
  });

  it("answers an instance's details from its own events only", async () => {
    const details = await store.details(a.instanceId);
    expect(details).toMatchObject({ changeDate: at, resourceOwner: a.instanceId });
    const ofB = await store.details(b.instanceId);
    expect(ofB?.resourceOwner).toBe(b.instanceId);
    expect(Number(ofB?.sequence)).toBeLessThan(Number(details?.sequence));
    expect(await store.details(newId())).toBeNull();
  });
});
