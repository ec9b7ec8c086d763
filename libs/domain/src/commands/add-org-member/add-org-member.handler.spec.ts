import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { AddOrgMemberCommand } from './add-org-member.command';
import { AddOrgMemberHandler } from './add-org-member.handler';

const INSTANCE = '00000000000000aa';
const ORG = '00000000000000c1';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const BOB = { id: '00000000000000a2', name: 'bob', status: 'inactive' } as const;
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;

describe(AddOrgMemberHandler.name, () => {
  let orgs: InMemoryOrgRepository;
  let handler: AddOrgMemberHandler;
  const operator = operatorOf(INSTANCE, ROOT);

  beforeEach(() => {
    const users = new InMemoryUserRepository();
    [ADA, BOB, ROOT].forEach((u) => users.put(INSTANCE, u));
    orgs = new InMemoryOrgRepository(users);
    orgs.put(INSTANCE, { id: ORG, name: 'acme' });
  });
  beforeEach(() => (handler = new AddOrgMemberHandler(orgs, new FixedClock())));

  it('adds a user with the role of the route and answers it as a member', async () => {
    expect(await handler.execute(new AddOrgMemberCommand(operator, ORG, BOB.id, 'member'))).toEqual({
      ...BOB,
      role: 'member',
    });
    expect(orgs.roleOf(INSTANCE, ORG, BOB.id)).toBe('member');
    expect(orgs.events).toEqual([expect.objectContaining({ type: 'member.member.added', aggregateId: BOB.id })]);
  });

  it('upgrades a member added again as owner, keeping one role per user and org', async () => {
    orgs.putMember(INSTANCE, ORG, ADA.id, 'member');
    expect((await handler.execute(new AddOrgMemberCommand(operator, ORG, ADA.id, 'owner'))).role).toBe('owner');
    expect(orgs.members.filter((m) => m.userId === ADA.id)).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(orgs.events).toEqual([
      expect.objectContaining({ type: 'member.role.changed', payload: { orgId: ORG, from: 'member', to: 'owner' } }),
    ]);
  });

  it.each([
    ['a member added again as member', 'member', 'member', 'user ada is already a member of organization acme'],
    ['an owner added again as owner', 'owner', 'owner', 'user ada is already an owner of organization acme'],
    ['an owner added as member (no downgrade)', 'owner', 'member', 'user ada is already an owner of organization acme'],
  ] as const)('refuses %s with 409', async (_, current, role, message) => {
    orgs.putMember(INSTANCE, ORG, ADA.id, current);
    await expect(handler.execute(new AddOrgMemberCommand(operator, ORG, ADA.id, role))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message,
    });
    expect(orgs.roleOf(INSTANCE, ORG, ADA.id)).toBe(current);
    expect(orgs.writes).toBe(0);
  });

  it("lets the org's owner add members, not its members", async () => {
    orgs.putMember(INSTANCE, ORG, ADA.id, 'owner');
    await handler.execute(new AddOrgMemberCommand(orgOwnerOf(INSTANCE, ORG, ADA), ORG, BOB.id, 'member'));
    await expect(
      handler.execute(new AddOrgMemberCommand(orgMemberOf(INSTANCE, ORG, BOB), ORG, ROOT.id, 'member')),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `write:orgs/${ORG}/orgs/${ORG} is unauthorized`,
    });
    expect(orgs.roleOf(INSTANCE, ORG, ROOT.id)).toBeNull();
  });

  it.each([
    ['no user id', undefined, ErrorCode.InvalidArgument],
    ['a malformed user id', 'ada', ErrorCode.InvalidArgument],
    ['an unknown user', '00000000000000ff', ErrorCode.NotFound],
  ])('refuses %s', async (_, userId, code) => {
    await expect(handler.execute(new AddOrgMemberCommand(operator, ORG, userId, 'member'))).rejects.toMatchObject({
      code,
    });
    expect(orgs.writes).toBe(0);
  });

  it('answers 404 for an org of another instance or a malformed org id, and 401 to anonymous callers', async () => {
    const elsewhere = operatorOf('00000000000000bb', ROOT);
    await expect(handler.execute(new AddOrgMemberCommand(elsewhere, ORG, ADA.id, 'member'))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(handler.execute(new AddOrgMemberCommand(operator, 'acme', ADA.id, 'member'))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(
      handler.execute(new AddOrgMemberCommand(anonymousCaller(INSTANCE), '00000000000000ff', ADA.id, 'member')),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated, message: 'unauthorized access' });
  });
});
