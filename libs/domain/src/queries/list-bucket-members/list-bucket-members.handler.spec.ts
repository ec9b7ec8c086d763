import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryBucketMemberRepository, InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListBucketMembersHandler } from './list-bucket-members.handler';
import { ListBucketMembersQuery } from './list-bucket-members.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'inactive' } as const;
const CY = { id: '00000000000000a3', name: 'cy', status: 'active' } as const;
const BUCKET = '00000000000000b1';

describe(ListBucketMembersHandler.name, () => {
  const users = new InMemoryUserRepository();
  [CY, BOB, ADA].forEach((u) => users.put(INSTANCE, u));
  const buckets = new InMemoryBucketRepository(new InMemoryOrgRepository(users));
  buckets.put(INSTANCE, { id: BUCKET, orgId: ACME, name: 'metrics' });
  const members = new InMemoryBucketMemberRepository(users);
  members.roles.push(
    { instanceId: INSTANCE, bucketId: BUCKET, userId: CY.id, role: 'member' },
    { instanceId: INSTANCE, bucketId: BUCKET, userId: BOB.id, role: 'member' },
    { instanceId: INSTANCE, bucketId: BUCKET, userId: ADA.id, role: 'owner' },
  );
  const handler = new ListBucketMembersHandler(buckets, members);

  it("lists the users with the route's role by name, to whoever may read the bucket", async () => {
    const reader = orgMemberOf(INSTANCE, ACME, CY);
    expect(await handler.execute(new ListBucketMembersQuery(reader, BUCKET, 'member'))).toEqual([
      { ...BOB, role: 'member' },
      { ...CY, role: 'member' },
    ]);
    expect(await handler.execute(new ListBucketMembersQuery(reader, BUCKET, 'owner'))).toEqual([
      { ...ADA, role: 'owner' },
    ]);
  });

  it('refuses whoever may not read the bucket with 401, and unknown buckets with 404', async () => {
    await expect(
      handler.execute(new ListBucketMembersQuery(orgMemberOf(INSTANCE, '00000000000000c2', CY), BUCKET, 'member')),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(
      handler.execute(new ListBucketMembersQuery(operatorOf(INSTANCE, ADA), 'bucket', 'member')),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('refuses anonymous callers with 401 before looking anything up, so that they cannot tell which ids exist', async () => {
    for (const id of [BUCKET, '00000000000000ff']) {
      await expect(
        handler.execute(new ListBucketMembersQuery(anonymousCaller(INSTANCE), id, 'member')),
      ).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    }
  });
});
