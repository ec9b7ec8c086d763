/** Fixtures the tenant handler specs share (nothing in the app imports this file). */
import { operatorPermissions } from '../authorization/permission';
import { type Bucket } from '../buckets/bucket';
import { type Id } from '../shared/id';
import { type CallerUser, type TenantCaller } from '../tenancy/tenant-caller';
import { InMemoryOrgRepository } from './in-memory-orgs';
import { InMemoryUserRepository } from './in-memory-users';

export const INSTANCE = '00000000000000aa';
/** The org of `givenOrg()`. */
export const ORG = '00000000000000c1';
export const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const satisfies CallerUser;
export const BOB = { id: '00000000000000a2', name: 'bob', status: 'active' } as const satisfies CallerUser;
/** The instance operator of `givenOrg()`. */
export const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const satisfies CallerUser;

/** An operator token with no user behind it, as the provisioned PAT of a fresh instance is to the handlers. */
export const operatorToken: TenantCaller = {
  instanceId: INSTANCE,
  kind: 'token',
  user: null,
  tokenId: '00000000000000f1',
  sessionId: null,
  permissions: operatorPermissions(),
};

/** A user bucket of org `00000000000000a2` with InfluxDB's defaults; `fields` say what differs. */
export function aBucket(fields: Pick<Bucket, 'id'> & Partial<Bucket>): Bucket {
  return {
    orgId: '00000000000000a2',
    name: `bucket ${fields.id}`,
    description: '',
    type: 'user',
    retentionSeconds: 0,
    shardGroupDurationSeconds: 604800,
    schemaType: 'implicit',
    rp: '0',
    labels: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...fields,
  };
}

/**
 * The org `acme` (ORG) of INSTANCE with `users` stored, ROOT as instance operator and the given org roles.
 * Answers both repositories; the org repository sees the users through the user repository as the app's does.
 */
export function givenOrg(
  users: readonly CallerUser[],
  roles: readonly [userId: Id, role: 'owner' | 'member'][] = [],
): { users: InMemoryUserRepository; orgs: InMemoryOrgRepository } {
  const userRepository = new InMemoryUserRepository();
  users.forEach((u) => userRepository.put(INSTANCE, u));
  const orgs = new InMemoryOrgRepository(userRepository);
  orgs.put(INSTANCE, { id: ORG, name: 'acme' });
  orgs.putOperator(INSTANCE, ROOT.id);
  for (const [userId, role] of roles) orgs.putMember(INSTANCE, ORG, userId, role);
  return { users: userRepository, orgs };
}

/**
 * Makes the row `find()` just read disappear before the handler writes, as a concurrent delete would: the handler
 * must answer 404 from its write, not trust its read.
 */
export function goneAfterReading<Row>(repository: {
  rows: unknown[];
  find(instanceId: Id, id: Id): Promise<Row | null>;
}): void {
  const find = repository.find.bind(repository);
  repository.find = async (instanceId, id) => {
    const found = await find(instanceId, id);
    repository.rows.splice(0);
    return found;
  };
}
