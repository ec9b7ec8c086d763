import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListBucketLabelsHandler } from './list-bucket-labels.handler';
import { ListBucketLabelsQuery } from './list-bucket-labels.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BUCKET = '00000000000000b1';

describe(ListBucketLabelsHandler.name, () => {
  const buckets = new InMemoryBucketRepository(new InMemoryOrgRepository(new InMemoryUserRepository()));
  buckets.put(INSTANCE, { id: BUCKET, orgId: ACME, name: 'metrics' });
  buckets.put(INSTANCE, { id: '00000000000000b2', orgId: ACME, name: 'logs' });
  const label = (id: string, name: string) => buckets.labels.put(INSTANCE, { id, orgId: ACME, name, properties: {} });
  const zeta = label('00000000000000e1', 'zeta');
  const alpha = label('00000000000000e2', 'Alpha');
  const other = label('00000000000000e3', 'beta');
  buckets.labels.attach(INSTANCE, BUCKET, zeta.id);
  buckets.labels.attach(INSTANCE, BUCKET, alpha.id);
  buckets.labels.attach(INSTANCE, '00000000000000b2', other.id);
  const handler = new ListBucketLabelsHandler(buckets, buckets.labels);

  it("lists the bucket's labels by name whatever its case, to whoever may read the bucket", async () => {
    expect(await handler.execute(new ListBucketLabelsQuery(orgMemberOf(INSTANCE, ACME, ADA), BUCKET))).toEqual([
      alpha,
      zeta,
    ]);
  });

  it('refuses whoever may not read the bucket with 401, and unknown buckets with 404', async () => {
    await expect(
      handler.execute(new ListBucketLabelsQuery(orgMemberOf(INSTANCE, '00000000000000c2', ADA), BUCKET)),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(
      handler.execute(new ListBucketLabelsQuery(operatorOf(INSTANCE, ADA), '00000000000000ff')),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('refuses anonymous callers with 401 before looking anything up, so that they cannot tell which ids exist', async () => {
    for (const id of [BUCKET, '00000000000000ff']) {
      await expect(handler.execute(new ListBucketLabelsQuery(anonymousCaller(INSTANCE), id))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    }
  });
});
