import { ErrorCode } from '@app/domain';

import { TypeOrmBucketMemberRepository } from '../../libs/persistence/src/repositories/typeorm-bucket-member.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

const AT = new Date('2026-01-02T03:04:05.000Z');

describe(TypeOrmBucketMemberRepository.name, () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmBucketMemberRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmBucketMemberRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  const membersOf = (instanceId: string) =>
    harness.owner<{ bucket_id: string; user_id: string; role: string }>(
      'SELECT bucket_id, user_id, role FROM bucket_members WHERE instance_id = $1 ORDER BY bucket_id, user_id',
      [instanceId],
    );
  /** A second user of instance A, written as the owner. */
  async function addUser(name: string): Promise<string> {
    const id = newId();
    await harness.owner(
      `INSERT INTO users (instance_id, id, kind, name, display_name, preferred_language, status, created_at, updated_at)
       VALUES ($1, $2, 'human', $3, $3, 'en', 'active', now(), now())`,
      [a.instanceId, id, name],
    );
    return id;
  }

  it('lists the users holding a role on a bucket', async () => {
    expect(await repo.list(a.instanceId, a.bucketId, 'owner')).toEqual([
      { id: a.userId, name: `user-${a.userId}`, status: 'active', role: 'owner' },
    ]);
    expect(await repo.list(a.instanceId, a.bucketId, 'member')).toEqual([]);
    expect(await repo.userExists(a.instanceId, a.userId)).toBe(true);
    expect(await repo.userExists(a.instanceId, newId())).toBe(false);
  });

  it('adds a member, switches its role, refuses the same role twice, removes it', async () => {
    const userId = await addUser('zoe');
    expect(await repo.add(a.instanceId, a.bucketId, userId, 'member', AT)).toEqual({
      id: userId,
      name: 'zoe',
      status: 'active',
      role: 'member',
    });
    await expect(repo.add(a.instanceId, a.bucketId, userId, 'member', AT)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    // one role per user and bucket: owner replaces member
    expect((await repo.add(a.instanceId, a.bucketId, userId, 'owner', AT)).role).toBe('owner');
    expect((await repo.list(a.instanceId, a.bucketId, 'owner')).map((m) => m.id)).toEqual([a.userId, userId]); // by name: user-… before zoe
    expect(await repo.list(a.instanceId, a.bucketId, 'member')).toEqual([]);
    expect(await repo.remove(a.instanceId, a.bucketId, userId, 'member')).toBe(false);
    expect(await repo.remove(a.instanceId, a.bucketId, userId, 'owner')).toBe(true);
    expect((await membersOf(a.instanceId)).map((m) => m.user_id)).toEqual([a.userId]);
  });

  describe("isolation: instance A's scope with instance B's ids", () => {
    it('finds nothing of B', async () => {
      expect(await repo.list(a.instanceId, b.bucketId, 'owner')).toEqual([]);
      expect(await repo.userExists(a.instanceId, b.userId)).toBe(false);
    });

    it("changes nothing of B, and B's rows are intact", async () => {
      const before = await membersOf(b.instanceId);
      expect(await repo.remove(a.instanceId, b.bucketId, b.userId, 'owner')).toBe(false);
      // B's user onto B's bucket, B's user onto A's bucket, A's user onto B's bucket: none is there for A
      await expect(repo.add(a.instanceId, b.bucketId, b.userId, 'member', AT)).rejects.toThrow();
      await expect(repo.add(a.instanceId, a.bucketId, b.userId, 'member', AT)).rejects.toThrow();
      await expect(repo.add(a.instanceId, b.bucketId, a.userId, 'member', AT)).rejects.toThrow();
      expect(await membersOf(b.instanceId)).toEqual(before);
      expect(before).toEqual([{ bucket_id: b.bucketId, user_id: b.userId, role: 'owner' }]);
      expect((await membersOf(a.instanceId)).map((m) => m.user_id)).toEqual([a.userId]);
    });
  });
});
