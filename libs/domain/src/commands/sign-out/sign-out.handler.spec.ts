import { selfPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { sessionCaller, tokenCaller } from '../../testing/callers';
import { InMemorySessionRepository } from '../../testing/in-memory-users';
import { SignOutCommand } from './sign-out.command';
import { SignOutHandler } from './sign-out.handler';

const INSTANCE = '00000000000000aa';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const session = sessionCaller(INSTANCE, ADA, selfPermissions(ADA.id));
const at = new Date('2025-01-15T12:00:00.000Z');

describe(SignOutHandler.name, () => {
  let sessions: InMemorySessionRepository;
  let handler: SignOutHandler;

  beforeEach(async () => {
    sessions = new InMemorySessionRepository();
    const stored = { userId: ADA.id, digest: 'digest', expiresAt: new Date('2025-01-15T13:00:00.000Z') };
    await sessions.create(INSTANCE, { id: session.sessionId!, ...stored }, at);
    await sessions.create(INSTANCE, { id: '00000000000000e2', ...stored }, at);
    handler = new SignOutHandler(sessions);
  });

  it("ends the cookie's session and no other", async () => {
    await handler.execute(new SignOutCommand(session));
    expect(sessions.sessions.map((s) => s.id)).toEqual(['00000000000000e2']);
  });

  it('answers 401 when the session is already gone (a second signout)', async () => {
    await handler.execute(new SignOutCommand(session));
    await expect(handler.execute(new SignOutCommand(session))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: 'unauthorized access',
    });
  });

  it('answers 401 without a session: a token or an anonymous request has nothing to end', async () => {
    for (const caller of [tokenCaller(INSTANCE, ADA, selfPermissions(ADA.id)), anonymousCaller(INSTANCE)]) {
      await expect(handler.execute(new SignOutCommand(caller))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'signout needs a session cookie',
      });
    }
    expect(sessions.sessions).toHaveLength(2);
  });
});
