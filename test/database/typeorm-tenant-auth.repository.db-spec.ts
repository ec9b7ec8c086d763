import { InstanceState } from '@app/domain';

import { TypeOrmTenantAuthRepository } from '../../libs/persistence/src/repositories/typeorm-tenant-auth.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmTenantAuthRepository', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmTenantAuthRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmTenantAuthRepository(harness.tenant, harness.system);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  describe('routing lookups (system scope, before any instance is known)', () => {
    it('finds a token of any instance by its digest, with its user', async () => {
      const grant = await repo.findTokenByDigest(`digest-${b.tokenId}`);
      expect(grant).toEqual({
        instanceId: b.instanceId,
        tokenId: b.tokenId,
        kind: 'pat',
        status: 'active',
        expiresAt: null,
        permissions: [],
        user: { id: b.userId, name: `user-${b.userId}`, status: 'active' },
      });
      expect(await repo.findTokenByDigest('no-such-digest')).toBeNull();
    });

    it('finds the instance serving a host', async () => {
      expect(await repo.findInstanceByHost(a.domain)).toEqual({
        instanceId: a.instanceId,
        state: InstanceState.Running,
        isDefault: false,
        blocked: false,
      });
      expect(await repo.findInstanceByHost('nobody.seed.localhost')).toBeNull();
    });
  });

  describe('findInstanceById', () => {
    it('reads the instance in its own scope', async () => {
      expect(await repo.findInstanceById(b.instanceId)).toEqual({
        instanceId: b.instanceId,
        state: InstanceState.Running,
        isDefault: false,
        blocked: false,
      });
      expect(await repo.findInstanceById(newId())).toBeNull();
    });
  });

  describe('userRoles', () => {
    it('answers the facts: instance ownership, org and bucket roles', async () => {
      // a second user of A: member of the org, member of the seeded bucket, no instance role
      const memberId = newId();
      await harness.owner(
        `INSERT INTO users (instance_id, id, kind, name, display_name, preferred_language, status, created_at, updated_at)
           VALUES ($1, $2, 'human', $3, 'Member', 'en', 'active', now(), now())`,
        [a.instanceId, memberId, `member-${memberId}`],
      );
      await harness.owner(
        `INSERT INTO org_members (instance_id, org_id, user_id, role, created_at) VALUES ($1, $2, $3, 'member', now())`,
        [a.instanceId, a.orgId, memberId],
      );
      await harness.owner(
        `INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $2, $3, 'member', now())`,
        [a.instanceId, a.bucketId, memberId],
      );

      expect(await repo.userRoles(a.instanceId, a.userId)).toEqual({
        instanceOwner: true,
        orgs: [{ orgId: a.orgId, role: 'owner' }],
        buckets: [{ bucketId: a.bucketId, orgId: a.orgId, role: 'owner' }],
      });
      expect(await repo.userRoles(a.instanceId, memberId)).toEqual({
        instanceOwner: false,
        orgs: [{ orgId: a.orgId, role: 'member' }],
        buckets: [{ bucketId: a.bucketId, orgId: a.orgId, role: 'member' }],
      });
    });

    it("finds none of another instance's roles", async () => {
      expect(await repo.userRoles(a.instanceId, b.userId)).toEqual({ instanceOwner: false, orgs: [], buckets: [] });
      const [{ n }] = await harness.owner<{ n: number }>(
        `SELECT (SELECT count(*) FROM instance_members WHERE instance_id = $1)
              + (SELECT count(*) FROM org_members WHERE instance_id = $1)
              + (SELECT count(*) FROM bucket_members WHERE instance_id = $1) AS n`,
        [b.instanceId],
      );
      expect(Number(n)).toBe(3);
    });
  });

  describe('ensureDefaultInstance', () => {
    it('creates the default instance once, with its domain and event, and answers it ever after', async () => {
      const at = new Date('2026-01-02T03:04:05Z');
      const firstId = newId();
      // two processes starting together: one creates, the other answers the same instance
      const [one, two] = await Promise.all([
        repo.ensureDefaultInstance('default.localhost', firstId, at),
        repo.ensureDefaultInstance('default.localhost', newId(), at),
      ]);
      expect(two).toBe(one);
      expect(await repo.ensureDefaultInstance('default.localhost', newId(), at)).toBe(one);

      const instances = await harness.owner<{ id: string; name: string; state: string }>(
        'SELECT id, name, state FROM instances WHERE is_default',
      );
      expect(instances).toEqual([{ id: one, name: 'default', state: InstanceState.Running }]);
      expect(await repo.findInstanceByHost('default.localhost')).toEqual({
        instanceId: one,
        state: InstanceState.Running,
        isDefault: true,
        blocked: false,
      });
      const events = await harness.owner<{ event_type: string; payload: unknown }>(
        'SELECT event_type, payload FROM events WHERE instance_id = $1',
        [one],
      );
      expect(events).toEqual([{ event_type: 'instance.added', payload: { name: 'default', default: true } }]);
    });
  });
});
