import { TypeOrmInstanceMemberRepository } from '../../libs/persistence/src/repositories/typeorm-instance-member.repository';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

describe('TypeOrmInstanceMemberRepository (application role, instance scope)', () => {
  let harness: RepositoryHarness;
  let repo: TypeOrmInstanceMemberRepository;
  let a: SeededInstance;
  let b: SeededInstance;

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    repo = new TypeOrmInstanceMemberRepository(harness.tenant);
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it("lists the instance's owners as ZITADEL members, with the sequence of the user's last event", async () => {
    await harness.owner(
      `INSERT INTO events (instance_id, aggregate_type, aggregate_id, event_type, payload, resource_owner, created_at)
       VALUES ($1, 'user', $2, 'user.human.added', '{}', $1, now())`,
      [a.instanceId, a.userId],
    );
    const [{ sequence }] = await harness.owner<{ sequence: string }>(
      'SELECT max(sequence)::text AS sequence FROM events WHERE aggregate_id = $1',
      [a.userId],
    );
    const owners = await repo.owners(a.instanceId);
    expect(owners).toEqual([
      {
        userId: a.userId,
        userName: `user-${a.userId}`,
        displayName: 'User',
        email: '',
        firstName: '',
        lastName: '',
        kind: 'human',
        roles: ['IAM_OWNER'],
        details: expect.objectContaining({ sequence, resourceOwner: a.instanceId }),
      },
    ]);
  });

  it("never shows another instance's owners, even with the same user id", async () => {
    // B's owner gets an event in A under its id: A's scope must still not see B's membership
    await harness.owner(
      `INSERT INTO events (instance_id, aggregate_type, aggregate_id, event_type, payload, resource_owner, created_at)
       VALUES ($1, 'user', $2, 'user.changed', '{}', $1, now())`,
      [a.instanceId, b.userId],
    );
    expect((await repo.owners(a.instanceId)).map((m) => m.userId)).toEqual([a.userId]);
    expect((await repo.owners(b.instanceId)).map((m) => [m.userId, m.details.sequence])).toEqual([[b.userId, '0']]);
    expect(await repo.owners(newId())).toEqual([]);
  });
});
