import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryAuthorizationRepository } from '../../testing/in-memory-authorizations';
import { FixedClock } from '../../testing/in-memory-ports';
import { ADA, givenOrg, INSTANCE, ORG, ROOT } from '../../testing/tenant-fixtures';
import { UpdateAuthorizationCommand } from './update-authorization.command';
import { UpdateAuthorizationHandler } from './update-authorization.handler';

const ADAS_TOKEN = '00000000000000f1';
const ROOTS_TOKEN = '00000000000000f9';
const clock = new FixedClock();

describe(UpdateAuthorizationHandler.name, () => {
  let auths: InMemoryAuthorizationRepository;
  let handler: UpdateAuthorizationHandler;
  const operator = operatorOf(INSTANCE, ROOT);
  const owner = orgOwnerOf(INSTANCE, ORG, ADA);
  const update = (changes: UpdateAuthorizationCommand['changes'], caller = operator, id = ADAS_TOKEN) =>
    handler.execute(new UpdateAuthorizationCommand(caller, id, changes));
  const stored = (id: string) => auths.tokens.find((t) => t.id === id);

  beforeEach(() => {
    const { orgs } = givenOrg([ADA, ROOT]);
    auths = new InMemoryAuthorizationRepository(orgs);
    auths.put({ instanceId: INSTANCE, id: ADAS_TOKEN, orgId: ORG, userId: ADA.id, description: 'old' });
    auths.put({ instanceId: INSTANCE, id: ROOTS_TOKEN, orgId: ORG, userId: ROOT.id });
    handler = new UpdateAuthorizationHandler(auths, clock);
  });

  it('deactivates a token and records only what was sent', async () => {
    expect(await update({ status: 'inactive' })).toEqual(
      expect.objectContaining({ id: ADAS_TOKEN, status: 'inactive', description: 'old', updatedAt: clock.now() }),
    );
    expect(stored(ADAS_TOKEN)?.status).toBe('inactive');
    expect(auths.events).toEqual([
      expect.objectContaining({ type: 'authorization.changed', payload: { status: 'inactive' }, resourceOwner: ORG }),
    ]);
  });

  it('changes the description, and writes nothing when nothing is sent', async () => {
    expect((await update({ description: 'ci' })).description).toBe('ci');
    expect(await update({})).toEqual(expect.objectContaining({ description: 'ci', status: 'active' }));
    expect(auths.writes).toBe(1);
  });

  it.each([
    { status: 'revoked' },
    { status: null },
    { description: 'x'.repeat(1025) },
  ] as unknown as UpdateAuthorizationCommand['changes'][])('refuses %p with 400', async (changes) => {
    await expect(update(changes)).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(auths.writes).toBe(0);
  });

  it("lets an org owner change its org's tokens, but not an instance operator's, which only the operator changes", async () => {
    await update({ status: 'inactive' }, owner);
    await expect(update({ status: 'inactive' }, owner, ROOTS_TOKEN)).rejects.toMatchObject({
      code: ErrorCode.PermissionDenied,
    });
    expect(stored(ROOTS_TOKEN)?.status).toBe('active');
    await update({ status: 'inactive' }, orgOwnerOf(INSTANCE, ORG, ROOT), ROOTS_TOKEN);
    expect(stored(ROOTS_TOKEN)?.status).toBe('inactive');
  });

  it('refuses members and anonymous callers with 401, and unknown, malformed or foreign ids with 404', async () => {
    await expect(update({ status: 'inactive' }, orgMemberOf(INSTANCE, ORG, ADA))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `write:orgs/${ORG}/authorizations/${ADAS_TOKEN} is unauthorized`,
    });
    await expect(update({ status: 'inactive' }, anonymousCaller(INSTANCE))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    for (const [caller, id] of [
      [operator, '00000000000000ff'],
      [operator, 'token'],
      [operatorOf('00000000000000bb', ROOT), ADAS_TOKEN],
    ] as const) {
      await expect(update({ status: 'inactive' }, caller, id)).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: 'authorization not found',
      });
    }
    expect(auths.writes).toBe(0);
  });
});
