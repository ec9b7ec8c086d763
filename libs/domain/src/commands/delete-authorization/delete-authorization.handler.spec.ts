import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryAuthorizationRepository } from '../../testing/in-memory-authorizations';
import { FixedClock } from '../../testing/in-memory-ports';
import { ADA, givenOrg, INSTANCE, ORG, ROOT } from '../../testing/tenant-fixtures';
import { DeleteAuthorizationCommand } from './delete-authorization.command';
import { DeleteAuthorizationHandler } from './delete-authorization.handler';

const ADAS_TOKEN = '00000000000000f1';
const ROOTS_TOKEN = '00000000000000f9';

describe(DeleteAuthorizationHandler.name, () => {
  let auths: InMemoryAuthorizationRepository;
  let handler: DeleteAuthorizationHandler;
  const remaining = () => auths.tokens.map((t) => t.id);
  const remove = (caller = operatorOf(INSTANCE, ROOT), id = ADAS_TOKEN) =>
    handler.execute(new DeleteAuthorizationCommand(caller, id));

  beforeEach(() => {
    const { orgs } = givenOrg([ADA, ROOT]);
    auths = new InMemoryAuthorizationRepository(orgs);
    auths.put({ instanceId: INSTANCE, id: ADAS_TOKEN, orgId: ORG, userId: ADA.id });
    auths.put({ instanceId: INSTANCE, id: ROOTS_TOKEN, orgId: ORG, userId: ROOT.id, kind: 'pat' });
    handler = new DeleteAuthorizationHandler(auths, new FixedClock());
  });

  it('removes the token and records it under its org', async () => {
    await remove();
    expect(remaining()).toEqual([ROOTS_TOKEN]);
    expect(auths.events).toEqual([
      expect.objectContaining({ type: 'authorization.removed', aggregateId: ADAS_TOKEN, resourceOwner: ORG }),
    ]);
  });

  it("keeps an instance operator's token from an org owner; the operator itself may remove it", async () => {
    await expect(remove(orgOwnerOf(INSTANCE, ORG, ADA), ROOTS_TOKEN)).rejects.toMatchObject({
      code: ErrorCode.PermissionDenied,
    });
    expect(remaining()).toContain(ROOTS_TOKEN);
    await remove(orgOwnerOf(INSTANCE, ORG, ADA), ADAS_TOKEN);
    await remove(orgOwnerOf(INSTANCE, ORG, ROOT), ROOTS_TOKEN);
    expect(remaining()).toEqual([]);
  });

  it('answers 404 for a second delete, and for malformed ids', async () => {
    await remove();
    await expect(remove()).rejects.toMatchObject({ code: ErrorCode.NotFound, message: 'authorization not found' });
    await expect(remove(operatorOf(INSTANCE, ROOT), 'x')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('refuses org members and anonymous callers with 401', async () => {
    await expect(remove(orgMemberOf(INSTANCE, ORG, ADA))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    await expect(remove(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(remaining()).toHaveLength(2);
  });
});
