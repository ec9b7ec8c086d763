import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryAuthorizationRepository } from '../../testing/in-memory-authorizations';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { GetAuthorizationHandler } from './get-authorization.handler';
import { GetAuthorizationQuery } from './get-authorization.query';

const INSTANCE = '00000000000000aa';
const ORG = '00000000000000c1';
const OTHER_ORG = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const TOKEN = '00000000000000f1';

describe(GetAuthorizationHandler.name, () => {
  const users = new InMemoryUserRepository();
  users.put(INSTANCE, ADA);
  const orgs = new InMemoryOrgRepository(users);
  orgs.put(INSTANCE, { id: ORG, name: 'acme' });
  orgs.put(INSTANCE, { id: OTHER_ORG, name: 'globex' });
  const auths = new InMemoryAuthorizationRepository(orgs);
  auths.put({ instanceId: INSTANCE, id: TOKEN, orgId: ORG, userId: ADA.id, description: 'ci' });
  const handler = new GetAuthorizationHandler(auths);

  it("shows a token with its org's and user's names to whoever may read its org's authorizations", async () => {
    const expected = expect.objectContaining({ id: TOKEN, orgName: 'acme', userName: 'ada', description: 'ci' });
    expect(await handler.execute(new GetAuthorizationQuery(operatorOf(INSTANCE, ADA), TOKEN))).toEqual(expected);
    expect(await handler.execute(new GetAuthorizationQuery(orgMemberOf(INSTANCE, ORG, ADA), TOKEN))).toEqual(expected);
  });

  it("refuses another org's member with 401, unknown or malformed ids with 404, anonymous callers with 401", async () => {
    await expect(
      handler.execute(new GetAuthorizationQuery(orgMemberOf(INSTANCE, OTHER_ORG, ADA), TOKEN)),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    for (const id of ['00000000000000ff', 'token']) {
      await expect(handler.execute(new GetAuthorizationQuery(operatorOf(INSTANCE, ADA), id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
    }
    await expect(handler.execute(new GetAuthorizationQuery(anonymousCaller(INSTANCE), TOKEN))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
  });
});
