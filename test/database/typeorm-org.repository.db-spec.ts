import { ErrorCode, orgEvents } from '@app/domain';

import { TypeOrmOrgRepository } from '../../libs/persistence/src/repositories/typeorm-org.repository';
import { eventsOf, instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');
const PAGE = { offset: 0, limit: 100, descending: false };

describe('TypeOrmOrgRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmOrgRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmOrgRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it('creates an org with its owner, buckets and events, and reads it back every way', async () => {
    const orgId = newId();
    const bucket = { id: newId(), orgId, name: 'default', type: 'user' as const, retentionSeconds: 30 * 86400 };
    const org = await repo.create(
      a.instanceId,
      {
        id: orgId,
        name: 'Acme',
        description: 'the first',
        ownerId: a.userId,
        buckets: [bucket],
        events: [orgEvents.added(orgId, 'Acme', 'the first'), orgEvents.bucketAdded(bucket)],
      },
      AT,
    );
    expect(org).toEqual({ id: orgId, name: 'Acme', description: 'the first', createdAt: AT, updatedAt: AT });
    expect(await repo.findById(a.instanceId, orgId)).toEqual(org);
    expect(await repo.findByName(a.instanceId, 'Acme')).toEqual(org);
    expect((await repo.list(a.instanceId, { visibleIds: 'all' }, PAGE)).map((o) => o.id)).toEqual(
      [a.orgId, orgId].sort(),
    );
    expect(await repo.list(a.instanceId, { visibleIds: [orgId], userId: a.userId }, PAGE)).toEqual([org]);
    expect(await repo.findRole(a.instanceId, orgId, a.userId)).toBe('owner');
    expect(await repo.listMembers(a.instanceId, orgId, 'owner')).toEqual([
      { id: a.userId, name: `user-${a.userId}`, status: 'active', role: 'owner' },
    ]);
    const [stored] = await harness.owner<{ retention_seconds: string; schema_type: string }>(
      'SELECT retention_seconds, schema_type FROM buckets WHERE instance_id = $1 AND id = $2',
      [a.instanceId, bucket.id],
    );
    expect(stored).toEqual({ retention_seconds: String(30 * 86400), schema_type: 'implicit' });
    expect((await eventsOf(harness, a.instanceId)).slice(-2).map((e) => e.event_type)).toEqual([
      'org.added',
      'bucket.added',
    ]);
  });

  it('a taken name is CONFLICT and writes nothing; the org quota is PERMISSION_DENIED', async () => {
    const before = await instanceFingerprint(harness, a.instanceId);
    const taken = { id: newId(), name: `org ${a.orgId}`, description: '', ownerId: null, buckets: [], events: [] };
    await expect(repo.create(a.instanceId, taken, AT)).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(await instanceFingerprint(harness, a.instanceId)).toEqual(before);

    await harness.owner('UPDATE instances SET max_orgs = 1 WHERE id = $1', [a.instanceId]);
    try {
      const over = { ...taken, name: 'one too many' };
      await expect(repo.create(a.instanceId, over, AT)).rejects.toMatchObject({ code: ErrorCode.PermissionDenied });
    } finally {
      await harness.owner('UPDATE instances SET max_orgs = NULL WHERE id = $1', [a.instanceId]);
    }
  });

  it('updates, manages members and removes an org with an event for each removed row', async () => {
    const orgId = newId();
    await repo.create(
      a.instanceId,
      { id: orgId, name: 'Temp', description: '', ownerId: null, buckets: [], events: [] },
      AT,
    );
    const later = new Date(AT.getTime() + 1000);
    const updated = await repo.update(a.instanceId, orgId, { name: 'Temp 2' }, orgEvents.changed(orgId, {}), later);
    expect(updated).toEqual({ id: orgId, name: 'Temp 2', description: '', createdAt: AT, updatedAt: later });
    await expect(
      repo.update(a.instanceId, orgId, { name: `org ${a.orgId}` }, orgEvents.changed(orgId, {}), later),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });

    await repo.addMember(a.instanceId, orgId, a.userId, 'member', orgEvents.memberAdded(orgId, a.userId, 'member'), AT);
    await expect(
      repo.addMember(a.instanceId, orgId, a.userId, 'owner', orgEvents.memberAdded(orgId, a.userId, 'owner'), AT),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect(
      await repo.changeRole(
        a.instanceId,
        orgId,
        a.userId,
        'member',
        'owner',
        orgEvents.roleChanged(orgId, a.userId, 'member', 'owner'),
        AT,
      ),
    ).toBe(true);
    expect(
      await repo.changeRole(
        a.instanceId,
        orgId,
        a.userId,
        'member',
        'owner',
        orgEvents.roleChanged(orgId, a.userId, 'member', 'owner'),
        AT,
      ),
    ).toBe(false);
    expect(await repo.findRole(a.instanceId, orgId, a.userId)).toBe('owner');

    const authorizationId = newId();
    await harness.owner(
      `INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, status, permissions, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'authorization', $5, 'active', '[]', now(), now())`,
      [a.instanceId, authorizationId, a.userId, orgId, `digest-${authorizationId}`],
    );
    const before = (await eventsOf(harness, a.instanceId)).length;
    expect(await repo.remove(a.instanceId, orgId, orgEvents.removed(orgId, 'Temp 2'), AT)).toBe(true);
    expect(await repo.findById(a.instanceId, orgId)).toBeNull();
    expect((await eventsOf(harness, a.instanceId)).slice(before)).toEqual([
      expect.objectContaining({
        aggregate_id: authorizationId,
        event_type: 'authorization.removed',
        payload: { cause: 'org.removed' },
      }),
      expect.objectContaining({
        aggregate_id: a.userId,
        event_type: 'member.owner.removed',
        payload: { orgId, cause: 'org.removed' },
      }),
      expect.objectContaining({ aggregate_id: orgId, event_type: 'org.removed', resource_owner: orgId }),
    ]);
    expect(await repo.remove(a.instanceId, orgId, orgEvents.removed(orgId, 'Temp 2'), AT)).toBe(false);
  });

  it("with another instance's ids, finds nothing and changes nothing there", async () => {
    const untouched = await instanceFingerprint(harness, b.instanceId);
    const event = orgEvents.changed(b.orgId, {});
    expect(await repo.findById(a.instanceId, b.orgId)).toBeNull();
    expect(await repo.findByName(a.instanceId, `org ${b.orgId}`)).toBeNull();
    expect(await repo.list(a.instanceId, { visibleIds: [b.orgId] }, PAGE)).toEqual([]);
    expect(await repo.findUser(a.instanceId, b.userId)).toBeNull();
    expect(await repo.findUserByName(a.instanceId, `user-${b.userId}`)).toBeNull();
    expect(await repo.listMembers(a.instanceId, b.orgId, 'owner')).toEqual([]);
    expect(await repo.findRole(a.instanceId, b.orgId, b.userId)).toBeNull();
    expect(await repo.update(a.instanceId, b.orgId, { name: 'stolen' }, event, AT)).toBeNull();
    expect(await repo.changeRole(a.instanceId, b.orgId, b.userId, 'owner', 'member', event, AT)).toBe(false);
    expect(await repo.removeMember(a.instanceId, b.orgId, b.userId, 'owner', event, AT)).toBe(false);
    await expect(repo.addMember(a.instanceId, b.orgId, b.userId, 'member', event, AT)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    expect(await repo.remove(a.instanceId, b.orgId, event, AT)).toBe(false);
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
  });
});
