import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { ListOrgMembersHandler } from './list-org-members.handler';
import { ListOrgMembersQuery } from './list-org-members.query';

const INSTANCE = '00000000000000aa';
const ORG = '00000000000000c1';
const OTHER_ORG = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'inactive' } as const;
const CY = { id: '00000000000000a3', name: 'cy', status: 'active' } as const;

describe(ListOrgMembersHandler.name, () => {
  const users = new InMemoryUserRepository();
  [CY, BOB, ADA].forEach((u) => users.put(INSTANCE, u));
  const orgs = new InMemoryOrgRepository(users);
  orgs.put(INSTANCE, { id: ORG, name: 'acme' });
  orgs.put(INSTANCE, { id: OTHER_ORG, name: 'globex' });
  orgs.putMember(INSTANCE, ORG, CY.id, 'member');
  orgs.putMember(INSTANCE, ORG, BOB.id, 'member');
  orgs.putMember(INSTANCE, ORG, ADA.id, 'owner');
  orgs.putMember(INSTANCE, OTHER_ORG, ADA.id, 'member');
  const handler = new ListOrgMembersHandler(orgs);

  it("lists the users with the route's role, by name, to the org's members", async () => {
    const member = orgMemberOf(INSTANCE, ORG, CY);
    expect(await handler.execute(new ListOrgMembersQuery(member, ORG, 'member'))).toEqual([
      { ...BOB, role: 'member' },
      { ...CY, role: 'member' },
    ]);
    expect(await handler.execute(new ListOrgMembersQuery(member, ORG, 'owner'))).toEqual([{ ...ADA, role: 'owner' }]);
  });

  it("refuses another org's members with 401, unknown orgs with 404 and anonymous callers with 401", async () => {
    await expect(
      handler.execute(new ListOrgMembersQuery(orgMemberOf(INSTANCE, OTHER_ORG, ADA), ORG, 'member')),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(
      handler.execute(new ListOrgMembersQuery(operatorOf(INSTANCE, ADA), '00000000000000ff', 'member')),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(
      handler.execute(new ListOrgMembersQuery(anonymousCaller(INSTANCE), ORG, 'member')),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
  });
});
