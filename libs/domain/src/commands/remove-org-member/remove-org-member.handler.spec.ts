import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { type InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { ADA, BOB, givenOrg, INSTANCE, ORG, ROOT } from '../../testing/tenant-fixtures';
import { RemoveOrgMemberCommand } from './remove-org-member.command';
import { RemoveOrgMemberHandler } from './remove-org-member.handler';

describe(RemoveOrgMemberHandler.name, () => {
  let orgs: InMemoryOrgRepository;
  let handler: RemoveOrgMemberHandler;
  const operator = operatorOf(INSTANCE, ROOT);
  const remove = (caller = operator, userId: string = BOB.id, role: 'owner' | 'member' = 'member') =>
    handler.execute(new RemoveOrgMemberCommand(caller, ORG, userId, role));

  beforeEach(() => {
    ({ orgs } = givenOrg(
      [ADA, BOB, ROOT],
      [
        [ADA.id, 'owner'],
        [BOB.id, 'member'],
      ],
    ));
    handler = new RemoveOrgMemberHandler(orgs, new FixedClock());
  });

  it('removes a member and records it', async () => {
    await remove();
    expect(orgs.roleOf(INSTANCE, ORG, BOB.id)).toBeNull();
    expect(orgs.events).toEqual([
      expect.objectContaining({ type: 'member.member.removed', aggregateId: BOB.id, payload: { orgId: ORG } }),
    ]);
  });

  it('answers 404 when the user does not hold the role of the route: an owner is not removed through /members', async () => {
    await expect(remove(operator, ADA.id, 'member')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: `user ${ADA.id} is not a member of organization acme`,
    });
    expect(orgs.roleOf(INSTANCE, ORG, ADA.id)).toBe('owner');
  });

  it.each([
    ['an unknown user', '00000000000000ff'],
    ['a malformed user id', 'bob'],
  ])('answers 404 for %s', async (_, userId) => {
    await expect(remove(operator, userId)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(orgs.writes).toBe(0);
  });

  it("never removes the org's last owner", async () => {
    await expect(remove(operator, ADA.id, 'owner')).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      message: expect.stringContaining('user ada is the last owner of organization acme'),
    });
    expect(orgs.roleOf(INSTANCE, ORG, ADA.id)).toBe('owner');
  });

  it('removes an owner that is not the last one', async () => {
    orgs.putMember(INSTANCE, ORG, ROOT.id, 'owner');
    await remove(orgOwnerOf(INSTANCE, ORG, ADA), ADA.id, 'owner');
    expect(orgs.roleOf(INSTANCE, ORG, ADA.id)).toBeNull();
  });

  it('lets only an operator or the operator itself remove an instance operator from the owners', async () => {
    orgs.putMember(INSTANCE, ORG, ROOT.id, 'owner');
    await expect(remove(orgOwnerOf(INSTANCE, ORG, ADA), ROOT.id, 'owner')).rejects.toMatchObject({
      code: ErrorCode.PermissionDenied,
    });
    expect(orgs.roleOf(INSTANCE, ORG, ROOT.id)).toBe('owner');
    await remove(orgOwnerOf(INSTANCE, ORG, ROOT), ROOT.id, 'owner');
    expect(orgs.roleOf(INSTANCE, ORG, ROOT.id)).toBeNull();
  });

  it('needs write on the org: 401 for its members and for anonymous callers', async () => {
    await expect(remove(orgMemberOf(INSTANCE, ORG, BOB), BOB.id)).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    await expect(remove(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(orgs.roleOf(INSTANCE, ORG, BOB.id)).toBe('member');
  });
});
