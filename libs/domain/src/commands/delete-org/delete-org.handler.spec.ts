import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { DeleteOrgCommand } from './delete-org.command';
import { DeleteOrgHandler } from './delete-org.handler';

const INSTANCE = '00000000000000aa';
const ORG = '00000000000000c1';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;

describe(DeleteOrgHandler.name, () => {
  let orgs: InMemoryOrgRepository;
  let handler: DeleteOrgHandler;

  beforeEach(() => {
    const users = new InMemoryUserRepository();
    [ADA, ROOT].forEach((u) => users.put(INSTANCE, u));
    orgs = new InMemoryOrgRepository(users);
    orgs.put(INSTANCE, { id: ORG, name: 'acme' });
    orgs.putMember(INSTANCE, ORG, ADA.id, 'owner');
    handler = new DeleteOrgHandler(orgs, new FixedClock());
  });

  it('removes the org with its memberships and records it by name', async () => {
    await handler.execute(new DeleteOrgCommand(operatorOf(INSTANCE, ROOT), ORG));
    expect(await orgs.findById(INSTANCE, ORG)).toBeNull();
    expect(orgs.members).toEqual([]);
    expect(orgs.events).toEqual([
      expect.objectContaining({ type: 'org.removed', aggregateId: ORG, payload: { name: 'acme' } }),
    ]);
  });

  it('lets an owner delete its org, even as its last owner', async () => {
    await handler.execute(new DeleteOrgCommand(orgOwnerOf(INSTANCE, ORG, ADA), ORG));
    expect(orgs.rows).toEqual([]);
  });

  it('refuses members and anonymous callers with 401, and answers 404 for unknown or malformed ids', async () => {
    const cases: [DeleteOrgCommand, ErrorCode][] = [
      [new DeleteOrgCommand(orgMemberOf(INSTANCE, ORG, ADA), ORG), ErrorCode.Unauthenticated],
      [new DeleteOrgCommand(anonymousCaller(INSTANCE), ORG), ErrorCode.Unauthenticated],
      [new DeleteOrgCommand(operatorOf(INSTANCE, ROOT), '00000000000000ff'), ErrorCode.NotFound],
      [new DeleteOrgCommand(operatorOf(INSTANCE, ROOT), 'acme'), ErrorCode.NotFound],
      [new DeleteOrgCommand(operatorOf('00000000000000bb', ROOT), ORG), ErrorCode.NotFound],
    ];
    for (const [command, code] of cases) await expect(handler.execute(command)).rejects.toMatchObject({ code });
    expect(orgs.rows).toHaveLength(1);
    expect(orgs.writes).toBe(0);
  });
});
