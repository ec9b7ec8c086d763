import { ErrorCode, type Label, labelEvents } from '@app/domain';

import { TypeOrmLabelRepository } from '../../libs/persistence/src/repositories/typeorm-label.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-01-02T03:04:05.000Z');

describe(TypeOrmLabelRepository.name, () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmLabelRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmLabelRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const newLabel = (overrides: Partial<Label> = {}): Label => ({
    id: newId(),
    orgId: a.orgId,
    name: `label ${newId()}`,
    properties: { color: 'red' },
    ...overrides,
  });
  const create = (label: Label) => repo.create(a.instanceId, label, labelEvents.added(label), AT);
  const eventsOf = (aggregateId: string) =>
    harness.owner<{ instance_id: string; aggregate_type: string; event_type: string; payload: unknown }>(
      'SELECT instance_id, aggregate_type, event_type, payload FROM events WHERE aggregate_id = $1 ORDER BY sequence',
      [aggregateId],
    );
  const rowsOf = (instanceId: string, table: 'labels' | 'bucket_labels') =>
    harness.owner(`SELECT * FROM ${table} WHERE instance_id = $1 ORDER BY created_at, 1, 2, 3`, [instanceId]);

  it('creates a label with its planned event and reads it back, properties included', async () => {
    const label = newLabel();
    expect(await create(label)).toEqual(label);
    expect(await repo.find(a.instanceId, label.id)).toEqual(label);
    expect(await eventsOf(label.id)).toEqual([
      { instance_id: a.instanceId, aggregate_type: 'label', event_type: 'label.added', payload: { name: label.name } },
    ]);
  });

  it('refuses a second label of the same name in any case, writing nothing', async () => {
    const first = await create(newLabel());
    const twin = newLabel({ name: first.name.toUpperCase() });
    await expect(create(twin)).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await repo.find(a.instanceId, twin.id)).toBeNull();
    expect(await eventsOf(twin.id)).toEqual([]);
  });

  it('lists the labels of the orgs asked for, by name', async () => {
    const label = await create(newLabel({ name: 'AAA first' }));
    const mine = await repo.list(a.instanceId, [a.orgId], {});
    expect(mine[0]).toEqual(label);
    expect(mine.map((l) => l.id)).toContain(a.labelId);
    expect(await repo.list(a.instanceId, 'all', { name: label.name })).toEqual([label]);
    expect(await repo.list(a.instanceId, [newId()], {})).toEqual([]);
  });

  it('updates name and properties with the planned event; null when the label is not there', async () => {
    const label = await create(newLabel());
    const changes = { name: `${label.name} renamed`, properties: { size: 'xl' } };
    const updated = await repo.update(a.instanceId, label.id, changes, labelEvents.changed(label, changes.name), AT);
    expect(updated).toEqual({ ...label, ...changes });
    expect(await repo.find(a.instanceId, label.id)).toEqual(updated);
    // properties alone: the name stays
    expect(
      await repo.update(a.instanceId, label.id, { properties: {} }, labelEvents.changed(label, changes.name), AT),
    ).toEqual({ ...label, name: changes.name, properties: {} });
    expect((await eventsOf(label.id)).map((e) => e.event_type)).toEqual([
      'label.added',
      'label.changed',
      'label.changed',
    ]);
    const missing = { id: newId(), orgId: a.orgId };
    expect(await repo.update(a.instanceId, missing.id, changes, labelEvents.changed(missing, 'x'), AT)).toBeNull();
    expect(await eventsOf(missing.id)).toEqual([]);
  });

  it('refuses a rename onto a taken name', async () => {
    const [x, y] = [await create(newLabel()), await create(newLabel())];
    await expect(
      repo.update(a.instanceId, y.id, { name: x.name }, labelEvents.changed(y, x.name), AT),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await repo.find(a.instanceId, y.id)).toEqual(y);
  });

  it('puts labels on buckets and takes them off', async () => {
    const label = await create(newLabel({ name: 'on the bucket' }));
    await repo.addToBucket(a.instanceId, a.bucketId, label.id, AT);
    expect((await repo.listForBucket(a.instanceId, a.bucketId)).map((l) => l.id)).toEqual([a.labelId, label.id]);
    await expect(repo.addToBucket(a.instanceId, a.bucketId, label.id, AT)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    await expect(repo.addToBucket(a.instanceId, newId(), label.id, AT)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(repo.addToBucket(a.instanceId, a.bucketId, newId(), AT)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    expect(await repo.removeFromBucket(a.instanceId, a.bucketId, label.id)).toBe(true);
    expect(await repo.removeFromBucket(a.instanceId, a.bucketId, label.id)).toBe(false);
    expect((await repo.listForBucket(a.instanceId, a.bucketId)).map((l) => l.id)).toEqual([a.labelId]);
  });

  it('deletes a label with its bucket mappings, once', async () => {
    const instance = await harness.seedInstance();
    const seeded = { id: instance.labelId, orgId: instance.orgId };
    expect(await repo.delete(instance.instanceId, seeded.id, labelEvents.removed(seeded), AT)).toBe(true);
    expect(await repo.find(instance.instanceId, seeded.id)).toBeNull();
    expect(await rowsOf(instance.instanceId, 'bucket_labels')).toEqual([]);
    expect(await repo.delete(instance.instanceId, seeded.id, labelEvents.removed(seeded), AT)).toBe(false);
    expect((await eventsOf(seeded.id)).map((e) => e.event_type)).toEqual(['label.removed']);
  });

  describe("isolation: instance A's scope with instance B's ids", () => {
    const bLabel = () => ({ id: b.labelId, orgId: b.orgId });

    it('finds nothing of B', async () => {
      expect(await repo.find(a.instanceId, b.labelId)).toBeNull();
      expect(await repo.list(a.instanceId, [b.orgId], {})).toEqual([]);
      expect(await repo.list(a.instanceId, 'all', { orgId: b.orgId })).toEqual([]);
      expect(await repo.listForBucket(a.instanceId, b.bucketId)).toEqual([]);
    });

    it("changes nothing of B, and B's rows are intact", async () => {
      const [labels, mappings] = [await rowsOf(b.instanceId, 'labels'), await rowsOf(b.instanceId, 'bucket_labels')];
      expect(
        await repo.update(a.instanceId, b.labelId, { name: 'taken over' }, labelEvents.changed(bLabel(), 'x'), AT),
      ).toBeNull();
      expect(await repo.delete(a.instanceId, b.labelId, labelEvents.removed(bLabel()), AT)).toBe(false);
      expect(await repo.removeFromBucket(a.instanceId, b.bucketId, b.labelId)).toBe(false);
      await expect(repo.addToBucket(a.instanceId, b.bucketId, b.labelId, AT)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      // A's label onto B's bucket, and B's label onto A's bucket
      await expect(repo.addToBucket(a.instanceId, b.bucketId, a.labelId, AT)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      await expect(repo.addToBucket(a.instanceId, a.bucketId, b.labelId, AT)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      // a label in B's org, asked for in A's scope: the org is not there for A
      const intruder = newLabel({ orgId: b.orgId });
      await expect(create(intruder)).rejects.toThrow();
      expect(await rowsOf(b.instanceId, 'labels')).toEqual(labels);
      expect(await rowsOf(b.instanceId, 'bucket_labels')).toEqual(mappings);
      expect(await eventsOf(b.labelId)).toEqual([]);
      expect(await eventsOf(intruder.id)).toEqual([]);
    });
  });
});
