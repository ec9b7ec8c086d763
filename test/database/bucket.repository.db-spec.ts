import { bucketEvents, DomainError, ErrorCode, type NewBucket } from '@app/domain';

import { TypeOrmBucketRepository } from '../../libs/persistence/src/repositories/typeorm-bucket.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-01-02T03:04:05.000Z');
const ALL = { all: true, orgIds: [], buckets: [] };
const PAGE = { descending: false, offset: 0, limit: 20 };

describe(TypeOrmBucketRepository.name, () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmBucketRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmBucketRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const newBucket = (overrides: Partial<NewBucket> = {}): NewBucket => ({
    id: newId(),
    orgId: a.orgId,
    name: `bucket ${newId()}`,
    description: 'measurements',
    retentionSeconds: 7200,
    shardGroupDurationSeconds: 3600,
    schemaType: 'implicit',
    rp: '0',
    ownerId: a.userId,
    ...overrides,
  });
  const eventsOf = (aggregateId: string) =>
    harness.owner<{ instance_id: string; event_type: string; payload: unknown; resource_owner: string }>(
      'SELECT instance_id, event_type, payload, resource_owner FROM events WHERE aggregate_id = $1 ORDER BY sequence',
      [aggregateId],
    );
  const bucketRowsOf = (instanceId: string) =>
    harness.owner<{ id: string; name: string; description: string; retention_seconds: string }>(
      'SELECT id, name, description, retention_seconds FROM buckets WHERE instance_id = $1 ORDER BY id',
      [instanceId],
    );

  it('creates a bucket with its owner and its planned event, and reads it back with its labels', async () => {
    const wanted = newBucket();
    const created = await repo.create(a.instanceId, wanted, bucketEvents.added(wanted), AT);
    expect(created).toEqual({
      id: wanted.id,
      orgId: a.orgId,
      name: wanted.name,
      description: 'measurements',
      type: 'user',
      retentionSeconds: 7200,
      shardGroupDurationSeconds: 3600,
      schemaType: 'implicit',
      rp: '0',
      labels: [],
      createdAt: AT,
      updatedAt: AT,
    });
    expect(await repo.find(a.instanceId, wanted.id)).toEqual(created);
    expect(await eventsOf(wanted.id)).toEqual([
      {
        instance_id: a.instanceId,
        event_type: 'bucket.added',
        payload: { name: wanted.name, retentionSeconds: 7200 },
        resource_owner: a.orgId,
      },
    ]);
    expect(
      await harness.owner('SELECT user_id, role FROM bucket_members WHERE instance_id = $1 AND bucket_id = $2', [
        a.instanceId,
        wanted.id,
      ]),
    ).toEqual([{ user_id: a.userId, role: 'owner' }]);

    // the seeded bucket carries the seeded label
    const seeded = await repo.find(a.instanceId, a.bucketId);
    expect(seeded?.labels).toEqual([{ id: a.labelId, orgId: a.orgId, name: `label-${a.labelId}`, properties: {} }]);
  });

  it('refuses a second bucket of the same name in the org, writing nothing', async () => {
    const first = newBucket({ ownerId: null });
    await repo.create(a.instanceId, first, bucketEvents.added(first), AT);
    const twin = newBucket({ name: first.name });
    const error = await repo.create(a.instanceId, twin, bucketEvents.added(twin), AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ErrorCode.Conflict });
    expect(await repo.find(a.instanceId, twin.id)).toBeNull();
    expect(await eventsOf(twin.id)).toEqual([]);
  });

  it('keeps to the instance bucket quota', async () => {
    const instance = await harness.seedInstance();
    await harness.owner('UPDATE instances SET max_buckets = 1 WHERE id = $1', [instance.instanceId]);
    const over = newBucket({ orgId: instance.orgId, ownerId: null });
    await expect(repo.create(instance.instanceId, over, bucketEvents.added(over), AT)).rejects.toMatchObject({
      code: ErrorCode.PermissionDenied,
    });
    expect((await bucketRowsOf(instance.instanceId)).map((r) => r.id)).toEqual([instance.bucketId]);
    expect(await eventsOf(over.id)).toEqual([]);
  });

  it('lists within the visibility and filter, pages in id order', async () => {
    const org = await repo.orgIdByName(a.instanceId, `org ${a.orgId}`);
    expect(org).toBe(a.orgId);
    const all = await repo.list(a.instanceId, ALL, PAGE);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.map((x) => x.id)).toEqual([...all.map((x) => x.id)].sort());
    expect((await repo.list(a.instanceId, ALL, { ...PAGE, name: `bucket-${a.bucketId}` })).map((x) => x.id)).toEqual([
      a.bucketId,
    ]);
    expect((await repo.list(a.instanceId, ALL, { ...PAGE, after: all[0].id, limit: 1 })).map((x) => x.id)).toEqual([
      all[1].id,
    ]);
    // one named bucket, valid only while in the org its permission names
    const one = { all: false, orgIds: [], buckets: [{ id: a.bucketId, orgId: a.orgId }] };
    expect((await repo.list(a.instanceId, one, PAGE)).map((x) => x.id)).toEqual([a.bucketId]);
    const elsewhere = { all: false, orgIds: [], buckets: [{ id: a.bucketId, orgId: newId() }] };
    expect(await repo.list(a.instanceId, elsewhere, PAGE)).toEqual([]);
    expect(await repo.orgExists(a.instanceId, a.orgId)).toBe(true);
  });

  it('updates the fields given with the planned event, and answers null for a bucket that is not there', async () => {
    const bucket = newBucket({ ownerId: null });
    await repo.create(a.instanceId, bucket, bucketEvents.added(bucket), AT);
    const later = new Date(AT.getTime() + 60_000);
    const changes = { description: 'renamed', retentionSeconds: 0 };
    const updated = await repo.update(a.instanceId, bucket.id, changes, bucketEvents.changed(bucket, changes), later);
    expect(updated).toMatchObject({ name: bucket.name, description: 'renamed', retentionSeconds: 0, updatedAt: later });
    expect((await eventsOf(bucket.id)).map((e) => [e.event_type, e.payload])).toEqual([
      ['bucket.added', { name: bucket.name, retentionSeconds: 7200 }],
      ['bucket.changed', changes],
    ]);
    const missing = { id: newId(), orgId: a.orgId };
    expect(await repo.update(a.instanceId, missing.id, changes, bucketEvents.changed(missing, changes), later)).toBe(
      null,
    );
    expect(await eventsOf(missing.id)).toEqual([]);
  });

  it('refuses a rename onto a taken name', async () => {
    const [x, y] = [newBucket({ ownerId: null }), newBucket({ ownerId: null })];
    await repo.create(a.instanceId, x, bucketEvents.added(x), AT);
    await repo.create(a.instanceId, y, bucketEvents.added(y), AT);
    await expect(
      repo.update(a.instanceId, y.id, { name: x.name }, bucketEvents.changed(y, { name: x.name }), AT),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect((await repo.find(a.instanceId, y.id))?.name).toBe(y.name);
  });

  it('deletes a bucket with its label and member mappings, once', async () => {
    const instance = await harness.seedInstance();
    const seeded = { id: instance.bucketId, orgId: instance.orgId };
    expect(await repo.delete(instance.instanceId, seeded.id, bucketEvents.removed(seeded), AT)).toBe(true);
    expect(await repo.find(instance.instanceId, seeded.id)).toBeNull();
    for (const table of ['bucket_labels', 'bucket_members'])
      expect(await harness.owner(`SELECT 1 FROM ${table} WHERE instance_id = $1`, [instance.instanceId])).toEqual([]);
    expect(await repo.delete(instance.instanceId, seeded.id, bucketEvents.removed(seeded), AT)).toBe(false);
    expect((await eventsOf(seeded.id)).map((e) => e.event_type)).toEqual(['bucket.removed']);
  });

  describe("isolation: instance A's scope with instance B's ids", () => {
    const bBucket = () => ({ id: b.bucketId, orgId: b.orgId });

    it('finds nothing of B', async () => {
      expect(await repo.find(a.instanceId, b.bucketId)).toBeNull();
      expect((await repo.list(a.instanceId, ALL, { ...PAGE, limit: 100 })).map((x) => x.id)).not.toContain(b.bucketId);
      expect(await repo.list(a.instanceId, ALL, { ...PAGE, id: b.bucketId })).toEqual([]);
      const bOrgs = { all: false, orgIds: [b.orgId], buckets: [{ id: b.bucketId, orgId: null }] };
      expect(await repo.list(a.instanceId, bOrgs, PAGE)).toEqual([]);
      expect(await repo.orgExists(a.instanceId, b.orgId)).toBe(false);
      expect(await repo.orgIdByName(a.instanceId, `org ${b.orgId}`)).toBeNull();
    });

    it("keeps each instance's scope when one prepared list alternates between A and B (past PostgreSQL's switch to a generic plan)", async () => {
      // Sequential calls reuse the pool's last idle connection, where the statement stays prepared; after five runs
      // PostgreSQL may run it with a generic plan, which must still read the scope at run time.
      for (let round = 0; round < 8; round++) {
        const [listedA, listedB] = [await repo.list(a.instanceId, ALL, PAGE), await repo.list(b.instanceId, ALL, PAGE)];
        expect(listedA.map((x) => x.id)).toContain(a.bucketId);
        expect(listedA.map((x) => x.id)).not.toContain(b.bucketId);
        expect(listedB.map((x) => x.id)).toEqual([b.bucketId]);
        expect(await repo.list(a.instanceId, ALL, { ...PAGE, id: b.bucketId })).toEqual([]);
        expect((await repo.list(b.instanceId, ALL, { ...PAGE, id: b.bucketId })).map((x) => x.id)).toEqual([
          b.bucketId,
        ]);
      }
    });

    it("changes nothing of B, and B's rows are intact", async () => {
      const before = await bucketRowsOf(b.instanceId);
      const changes = { name: 'taken over', description: 'taken over' };
      expect(await repo.update(a.instanceId, b.bucketId, changes, bucketEvents.changed(bBucket(), changes), AT)).toBe(
        null,
      );
      expect(await repo.delete(a.instanceId, b.bucketId, bucketEvents.removed(bBucket()), AT)).toBe(false);
      // a bucket in B's org, asked for in A's scope: the org is not there for A
      const intruder = newBucket({ orgId: b.orgId, ownerId: b.userId });
      await expect(repo.create(a.instanceId, intruder, bucketEvents.added(intruder), AT)).rejects.toThrow();
      expect(await bucketRowsOf(b.instanceId)).toEqual(before);
      expect(
        await harness.owner('SELECT count(*)::int AS n FROM bucket_members WHERE instance_id = $1', [b.instanceId]),
      ).toEqual([{ n: 1 }]);
      expect(await eventsOf(b.bucketId)).toEqual([]);
      expect(await eventsOf(intruder.id)).toEqual([]);
    });
  });
});
