import { ErrorCode } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { type InstanceMemberView } from '../../ports';
import { InMemoryInstanceAdminRepository, InMemoryInstanceMemberRepository } from '../../testing/in-memory-instances';
import { ListInstanceMembersHandler } from './list-instance-members.handler';
import { ListInstanceMembersQuery, type MemberSearch } from './list-instance-members.query';

const INSTANCE = '00000000000000aa';
const member = (userId: string, email: string, firstName: string): InstanceMemberView => ({
  userId,
  userName: email.split('@')[0],
  displayName: firstName,
  email,
  firstName,
  lastName: 'Doe',
  kind: 'human',
  roles: ['IAM_OWNER'],
  details: { sequence: '1', creationDate: new Date(0), changeDate: new Date(0), resourceOwner: INSTANCE },
});
const ADA = member('00000000000000a1', 'ada@acme.example', 'Ada');
const BOB = member('00000000000000a2', 'bob@globex.example', 'Bob');
const CY = member('00000000000000a3', 'cy@ACME.example', 'Cy');

describe(ListInstanceMembersHandler.name, () => {
  const instances = new InMemoryInstanceAdminRepository();
  instances.put(INSTANCE);
  instances.put('00000000000000bb', InstanceState.Stopped);
  const members = new InMemoryInstanceMemberRepository();
  [ADA, BOB, CY].forEach((m) => members.put(INSTANCE, m));
  members.put('00000000000000cc', member('00000000000000c1', 'eve@acme.example', 'Eve'));
  const handler = new ListInstanceMembersHandler(instances, members);
  const search = async (s: Partial<MemberSearch> = {}, instanceId = INSTANCE) => {
    const found = await handler.execute(
      new ListInstanceMembersQuery(instanceId, { offset: 0, limit: 100, asc: true, conditions: [], ...s }),
    );
    return { total: found.total, ids: found.members.map((m) => m.userId) };
  };

  it("lists the instance's owners oldest first, or newest first, and pages them with the full total", async () => {
    expect(await search()).toEqual({ total: 3, ids: [ADA.userId, BOB.userId, CY.userId] });
    expect(await search({ asc: false })).toEqual({ total: 3, ids: [CY.userId, BOB.userId, ADA.userId] });
    expect(await search({ offset: 1, limit: 1 })).toEqual({ total: 3, ids: [BOB.userId] });
  });

  it('keeps the members that match every condition, counting only those in the total', async () => {
    const acme = { email: { value: 'ACME', method: 'TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE' as const } };
    expect(await search({ conditions: [acme] })).toEqual({ total: 2, ids: [ADA.userId, CY.userId] });
    expect(await search({ conditions: [acme, { userId: CY.userId }] })).toEqual({ total: 1, ids: [CY.userId] });
    expect(await search({ conditions: [{ email: { value: 'ACME', method: 'TEXT_QUERY_METHOD_CONTAINS' } }] })).toEqual({
      total: 1,
      ids: [CY.userId],
    });
    expect(await search({ conditions: [acme], offset: 1, limit: 5 })).toEqual({ total: 2, ids: [CY.userId] });
  });

  it('answers 404 for an unknown, stopped or malformed instance', async () => {
    for (const id of ['00000000000000ff', '00000000000000bb', 'acme']) {
      await expect(search({}, id)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
  });
});
