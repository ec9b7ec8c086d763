import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { GetOrgHandler } from './get-org.handler';
import { GetOrgQuery } from './get-org.query';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;

describe(GetOrgHandler.name, () => {
  const orgs = new InMemoryOrgRepository(new InMemoryUserRepository());
  const acme = orgs.put(INSTANCE, { id: '00000000000000c1', name: 'acme' });
  const globex = orgs.put(INSTANCE, { id: '00000000000000c2', name: 'globex' });
  const handler = new GetOrgHandler(orgs);

  it('shows an org to an operator and to its members, not to members of another org', async () => {
    expect(await handler.execute(new GetOrgQuery(operatorOf(INSTANCE, ADA), globex.id))).toEqual(globex);
    const member = orgMemberOf(INSTANCE, acme.id, ADA);
    expect(await handler.execute(new GetOrgQuery(member, acme.id))).toEqual(acme);
    await expect(handler.execute(new GetOrgQuery(member, globex.id))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `read:orgs/${globex.id}/orgs/${globex.id} is unauthorized`,
    });
  });

  it('answers 404 for unknown, malformed and other instances’ ids, and 401 to anonymous callers first', async () => {
    for (const [caller, id] of [
      [operatorOf(INSTANCE, ADA), '00000000000000ff'],
      [operatorOf(INSTANCE, ADA), 'acme'],
      [operatorOf('00000000000000bb', ADA), acme.id],
    ] as const) {
      await expect(handler.execute(new GetOrgQuery(caller, id))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
    await expect(handler.execute(new GetOrgQuery(anonymousCaller(INSTANCE), '00000000000000ff'))).rejects.toMatchObject(
      {
        code: ErrorCode.Unauthenticated,
      },
    );
  });
});
