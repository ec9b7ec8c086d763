import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, orgOwnerOf } from '../../testing/callers';
import { InMemoryOrgRepository } from '../../testing/in-memory-orgs';
import { FixedClock } from '../../testing/in-memory-ports';
import { InMemoryUserRepository } from '../../testing/in-memory-users';
import { UpdateOrgCommand } from './update-org.command';
import { UpdateOrgHandler } from './update-org.handler';

const INSTANCE = '00000000000000aa';
const ORG = '00000000000000c1';
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;
const clock = new FixedClock();

describe(UpdateOrgHandler.name, () => {
  let orgs: InMemoryOrgRepository;
  let handler: UpdateOrgHandler;
  const operator = operatorOf(INSTANCE, ROOT);
  const update = (changes: UpdateOrgCommand['changes'], caller = operator, orgId = ORG) =>
    handler.execute(new UpdateOrgCommand(caller, orgId, changes));

  beforeEach(() => {
    orgs = new InMemoryOrgRepository(new InMemoryUserRepository());
    orgs.put(INSTANCE, { id: ORG, name: 'acme', description: 'old' });
    orgs.put(INSTANCE, { id: '00000000000000c2', name: 'globex' });
    handler = new UpdateOrgHandler(orgs, clock);
  });

  it('renames (trimmed) and records only the fields sent', async () => {
    expect(await update({ name: ' Acme Corp ' })).toEqual(
      expect.objectContaining({ id: ORG, name: 'Acme Corp', description: 'old', updatedAt: clock.now() }),
    );
    expect(orgs.events).toEqual([
      expect.objectContaining({ type: 'org.changed', payload: { name: 'Acme Corp' }, resourceOwner: ORG }),
    ]);
  });

  it('changes the description alone', async () => {
    expect((await update({ description: '' })).description).toBe('');
    expect((await orgs.findById(INSTANCE, ORG))?.name).toBe('acme');
  });

  it('writes nothing when no field is sent', async () => {
    expect(await update({})).toEqual(expect.objectContaining({ name: 'acme', updatedAt: new Date(0) }));
    expect(orgs.writes).toBe(0);
  });

  it("refuses another org's name with 409", async () => {
    await expect(update({ name: 'globex' })).rejects.toMatchObject({ code: ErrorCode.Conflict });
    expect((await orgs.findById(INSTANCE, ORG))?.name).toBe('acme');
  });

  it.each([{ name: '' }, { name: ' ' }, { description: 'x'.repeat(1025) }])('refuses %p with 400', async (changes) => {
    await expect(update(changes)).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
    expect(orgs.writes).toBe(0);
  });

  it('lets the owner change its org; members, anonymous callers and unknown orgs are refused', async () => {
    expect((await update({ description: 'mine' }, orgOwnerOf(INSTANCE, ORG, ROOT))).description).toBe('mine');
    await expect(update({ name: 'x' }, orgMemberOf(INSTANCE, ORG, ROOT))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    await expect(update({ name: 'x' }, anonymousCaller(INSTANCE))).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
    });
    await expect(update({ name: 'x' }, operator, '00000000000000ff')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'organization not found',
    });
    expect((await orgs.findById(INSTANCE, ORG))?.name).toBe('acme');
  });
});
