import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryBucketRepository } from '../../testing/in-memory-buckets';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { GetBucketHandler } from './get-bucket.handler';
import { GetBucketQuery } from './get-bucket.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const GLOBEX = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BUCKET = '00000000000000b1';
const LABEL = { id: '00000000000000e1', orgId: ACME, name: 'prod', properties: { color: 'red' } };

describe(GetBucketHandler.name, () => {
  const buckets = new InMemoryBucketRepository(new InMemoryOrgRepository(new InMemoryUserRepository()));
  buckets.put(INSTANCE, { id: BUCKET, orgId: ACME, name: 'metrics' });
  buckets.labels.put(INSTANCE, LABEL);
  buckets.labels.attach(INSTANCE, BUCKET, LABEL.id);
  const handler = new GetBucketHandler(buckets);

  it("shows a bucket with its labels to whoever may read its org's buckets", async () => {
    const bucket = await handler.execute(new GetBucketQuery(orgMemberOf(INSTANCE, ACME, ADA), BUCKET));
    expect(bucket).toMatchObject({ id: BUCKET, orgId: ACME, name: 'metrics', labels: [LABEL] });
  });

  it("refuses another org's member with 401 naming the permission", async () => {
    await expect(handler.execute(new GetBucketQuery(orgMemberOf(INSTANCE, GLOBEX, ADA), BUCKET))).rejects.toMatchObject(
      {
        code: ErrorCode.Unauthenticated,
        message: `read:orgs/${ACME}/buckets/${BUCKET} is unauthorized`,
      },
    );
  });

  it('answers 404 alike for unknown, malformed and other instances’ ids', async () => {
    for (const [caller, id] of [
      [operatorOf(INSTANCE, ADA), '00000000000000ff'],
      [operatorOf(INSTANCE, ADA), 'metrics'],
      [operatorOf('00000000000000bb', ADA), BUCKET],
    ] as const) {
      await expect(handler.execute(new GetBucketQuery(caller, id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: 'bucket not found',
      });
    }
  });

  it('refuses anonymous callers with 401 before looking anything up, so that they cannot tell which ids exist', async () => {
    for (const id of [BUCKET, '00000000000000ff']) {
      await expect(handler.execute(new GetBucketQuery(anonymousCaller(INSTANCE), id))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    }
  });
});
