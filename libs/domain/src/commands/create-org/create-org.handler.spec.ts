import { operatorPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgOwnerOf, tokenCaller } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock, SequentialIdGenerator } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { CreateOrgCommand } from './create-org.command';
import { CreateOrgHandler } from './create-org.handler';

const INSTANCE = '00000000000000aa';
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;
const clock = new FixedClock();

describe(CreateOrgHandler.name, () => {
  let orgs: InMemoryOrgRepository;
  let handler: CreateOrgHandler;
  const operator = operatorOf(INSTANCE, ROOT);

  beforeEach(() => {
    const users = new InMemoryUserRepository();
    users.put(INSTANCE, ROOT);
    orgs = new InMemoryOrgRepository(users);
    handler = new CreateOrgHandler(orgs, new SequentialIdGenerator(), clock);
  });

  it("creates the org with InfluxDB's system buckets, owned by its creator", async () => {
    const org = await handler.execute(new CreateOrgCommand(operator, '  Acme ', 'metrics'));
    expect(org).toEqual({
      id: '0000000000000001',
      name: 'Acme',
      description: 'metrics',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(orgs.buckets.map((b) => [b.name, b.type, b.orgId])).toEqual([
      ['_tasks', 'system', org.id],
      ['_monitoring', 'system', org.id],
    ]);
    expect(orgs.roleOf(INSTANCE, org.id, ROOT.id)).toBe('owner');
    expect(orgs.events.map((e) => e.type)).toEqual(['org.added', 'bucket.added', 'bucket.added', 'member.owner.added']);
  });

  it('makes no owner when the token has no user', async () => {
    const org = await handler.execute(
      new CreateOrgCommand(tokenCaller(INSTANCE, null, operatorPermissions()), 'Acme', undefined),
    );
    expect(org.description).toBe('');
    expect(orgs.members).toEqual([]);
    expect(orgs.events.map((e) => e.type)).not.toContain('member.owner.added');
  });

  it('refuses a taken name with 409 and writes nothing', async () => {
    await handler.execute(new CreateOrgCommand(operator, 'Acme', undefined));
    await expect(handler.execute(new CreateOrgCommand(operator, 'Acme', undefined))).rejects.toMatchObject({
      code: ErrorCode.Conflict,
    });
    expect(orgs.rows).toHaveLength(1);
    expect(orgs.writes).toBe(1);
  });

  it.each([
    ['no name', undefined, undefined, 'org name is empty'],
    ['a blank name', '   ', undefined, 'org name is empty'],
    ['a name over 255 characters', 'x'.repeat(256), undefined, 'name: org name must be at most 255 characters'],
    ['a description over 1024 characters', 'Acme', 'x'.repeat(1025), 'description: must be at most 1024 characters'],
  ])('refuses %s with 400', async (_, name, description, message) => {
    await expect(handler.execute(new CreateOrgCommand(operator, name, description))).rejects.toMatchObject({
      code: ErrorCode.InvalidArgument,
      message,
    });
    expect(orgs.writes).toBe(0);
  });

  it('needs write on every org: an org owner may not create orgs, nor may anonymous callers', async () => {
    await expect(
      handler.execute(new CreateOrgCommand(orgOwnerOf(INSTANCE, '00000000000000c1', ROOT), 'Acme', undefined)),
    ).rejects.toMatchObject({ code: ErrorCode.Unauthenticated, message: 'write:orgs is unauthorized' });
    await expect(
      handler.execute(new CreateOrgCommand(anonymousCaller(INSTANCE), 'Acme', undefined)),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    expect(orgs.writes).toBe(0);
  });
});
