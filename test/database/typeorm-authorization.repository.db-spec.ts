import { authorizationEvents, ErrorCode, type Permission } from '@app/domain';

import { TypeOrmAuthorizationRepository } from '../../libs/persistence/src/repositories/typeorm-authorization.repository';
import { eventsOf, instanceFingerprint } from '../support/instance-fingerprint';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-03-01T10:00:00.000Z');

describe('TypeOrmAuthorizationRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmAuthorizationRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmAuthorizationRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const readBuckets = (orgID: string): Permission => ({ action: 'read', resource: { type: 'buckets', orgID } });

  it('creates an authorization with its event and reads it with org and user names; lists PATs too', async () => {
    const id = newId();
    const permissions = [readBuckets(a.orgId)];
    const created = await repo.create(
      a.instanceId,
      {
        id,
        orgId: a.orgId,
        userId: a.userId,
        digest: `digest-${id}`,
        description: 'ci',
        status: 'active',
        permissions,
      },
      authorizationEvents.added(id, a.orgId, a.userId, 'ci', permissions),
      AT,
    );
    expect(created).toEqual({
      id,
      kind: 'authorization',
      status: 'active',
      description: 'ci',
      orgId: a.orgId,
      orgName: `org ${a.orgId}`,
      userId: a.userId,
      userName: `user-${a.userId}`,
      permissions,
      createdAt: AT,
      updatedAt: AT,
    });
    expect(await repo.findById(a.instanceId, id)).toEqual(created);
    const listed = await repo.list(a.instanceId, { orgId: a.orgId, userId: a.userId });
    expect(listed.map((x) => [x.id, x.kind])).toEqual(
      [
        [id, 'authorization'],
        [a.tokenId, 'pat'],
      ].sort(),
    );
    // the permissions column is jsonb: an array, not a PostgreSQL array literal
    const [row] = await harness.owner<{ kind: string }>(
      'SELECT jsonb_typeof(permissions) AS kind FROM tokens WHERE id = $1',
      [id],
    );
    expect(row.kind).toBe('array');
    expect((await eventsOf(harness, a.instanceId)).at(-1)).toMatchObject({
      aggregate_type: 'token',
      aggregate_id: id,
      event_type: 'authorization.added',
      resource_owner: a.orgId,
    });
  });

  it('updates and removes; an unknown org is NOT_FOUND and writes nothing', async () => {
    const id = newId();
    await repo.create(
      a.instanceId,
      {
        id,
        orgId: a.orgId,
        userId: a.userId,
        digest: `digest-${id}`,
        description: '',
        status: 'active',
        permissions: [],
      },
      authorizationEvents.added(id, a.orgId, a.userId, '', []),
      AT,
    );
    const later = new Date(AT.getTime() + 60_000);
    const updated = await repo.update(
      a.instanceId,
      id,
      { status: 'inactive' },
      authorizationEvents.changed(id, a.orgId, {}),
      later,
    );
    expect(updated).toMatchObject({ status: 'inactive', description: '', updatedAt: later });
    expect(await repo.remove(a.instanceId, id, authorizationEvents.removed(id, a.orgId), AT)).toBe(true);
    expect(await repo.findById(a.instanceId, id)).toBeNull();
    expect(await repo.remove(a.instanceId, id, authorizationEvents.removed(id, a.orgId), AT)).toBe(false);

    const before = await instanceFingerprint(harness, a.instanceId);
    const orphan = newId();
    await expect(
      repo.create(
        a.instanceId,
        {
          id: orphan,
          orgId: newId(),
          userId: a.userId,
          digest: 'd',
          description: '',
          status: 'active',
          permissions: [],
        },
        authorizationEvents.added(orphan, a.orgId, a.userId, '', []),
        AT,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(await instanceFingerprint(harness, a.instanceId)).toEqual(before);
  });

  it('answers which org each named resource of the instance belongs to', async () => {
    const found = await repo.resourceOrgs(a.instanceId, [
      { type: 'buckets', id: a.bucketId },
      { type: 'labels', id: a.labelId },
      { type: 'authorizations', id: a.tokenId },
      { type: 'orgs', id: a.orgId },
      { type: 'users', id: a.userId },
      { type: 'buckets', id: newId() },
    ]);
    expect(found).toEqual(
      new Map([
        [`buckets/${a.bucketId}`, a.orgId],
        [`labels/${a.labelId}`, a.orgId],
        [`authorizations/${a.tokenId}`, a.orgId],
        [`orgs/${a.orgId}`, a.orgId],
        [`users/${a.userId}`, null],
      ]),
    );
  });

  it("with another instance's ids, finds nothing and changes nothing there", async () => {
    const untouched = await instanceFingerprint(harness, b.instanceId);
    const event = authorizationEvents.changed(b.tokenId, b.orgId, {});
    expect(await repo.findById(a.instanceId, b.tokenId)).toBeNull();
    expect(await repo.list(a.instanceId, { orgId: b.orgId })).toEqual([]);
    expect(await repo.update(a.instanceId, b.tokenId, { status: 'inactive' }, event, AT)).toBeNull();
    expect(await repo.remove(a.instanceId, b.tokenId, event, AT)).toBe(false);
    const refs = [
      { type: 'buckets' as const, id: b.bucketId },
      { type: 'authorizations' as const, id: b.tokenId },
      { type: 'orgs' as const, id: b.orgId },
      { type: 'users' as const, id: b.userId },
    ];
    expect(await repo.resourceOrgs(a.instanceId, refs)).toEqual(new Map());
    const id = newId();
    await expect(
      repo.create(
        a.instanceId,
        { id, orgId: b.orgId, userId: b.userId, digest: 'd', description: '', status: 'active', permissions: [] },
        event,
        AT,
      ),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(await instanceFingerprint(harness, b.instanceId)).toEqual(untouched);
  });
});
