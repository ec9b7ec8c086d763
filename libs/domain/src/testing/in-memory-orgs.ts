/**
 * In-memory fake of the org repository, for unit specs only (nothing in the app imports this file). It keeps orgs,
 * their buckets and memberships, and the instance operators (instance owners), and reads users from an
 * InMemoryUserRepository, as the real repository joins the users table. Owner rules read their facts here, as the
 * real adapters do in their transaction (libs/persistence/src/repositories/ownership-facts.ts).
 */
import { DomainError, ErrorCode } from '../errors';
import { type Org, type OrgMember, type OrgRole, type PageRequest } from '../orgs/org';
import { orgNameTaken } from '../orgs/org-name';
import { type OwnershipFacts, type OwnershipGuard } from '../orgs/owner-rules';
import { type NewOrg, type OrgChanges, type OrgListFilter, type OrgRepository } from '../ports';
import { type PlannedBucket, type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type CallerUser } from '../tenancy/tenant-caller';
import { type InMemoryUserRepository } from './in-memory-users';

/** Where a fake that enforces owner rules reads the facts about one user. */
export interface OwnershipFactsSource {
  ownershipFacts(instanceId: Id, userId: Id): OwnershipFacts;
}

/** A tenant without memberships: nobody is an instance operator or owns an org, so every owner rule passes. */
export const NO_MEMBERSHIPS: OwnershipFactsSource = {
  ownershipFacts: () => ({ isInstanceOperator: false, activeOperatorIds: [], soleOwnerOf: [] }),
};

/** Calls the guard with the facts, as the real adapters do before they change anything. */
export function enforceOwnership(source: OwnershipFactsSource, instanceId: Id, guard?: OwnershipGuard): void {
  guard?.check(source.ownershipFacts(instanceId, guard.userId));
}

interface StoredOrg extends Org {
  readonly instanceId: Id;
}

interface Membership {
  readonly instanceId: Id;
  readonly orgId: Id;
  readonly userId: Id;
  role: OrgRole;
}

export class InMemoryOrgRepository implements OrgRepository, OwnershipFactsSource {
  readonly rows: StoredOrg[] = [];
  readonly buckets: (PlannedBucket & { instanceId: Id })[] = [];
  readonly members: Membership[] = [];
  /** Instance owners (the tenant API's instance operators): [instanceId, userId]. */
  readonly operators: [Id, Id][] = [];
  readonly events: PlannedEvent[] = [];
  writes = 0;

  /** Users live in `users`; their owner rules read the memberships kept here. */
  constructor(readonly users: InMemoryUserRepository) {
    users.ownership = this;
  }

  put(instanceId: Id, org: Pick<Org, 'id' | 'name'> & Partial<Org>): Org {
    const stored: StoredOrg = {
      instanceId,
      description: '',
      createdAt: new Date(0),
      updatedAt: new Date(0),
      ...org,
    };
    this.rows.push(stored);
    return plain(stored);
  }

  putMember(instanceId: Id, orgId: Id, userId: Id, role: OrgRole): void {
    this.members.push({ instanceId, orgId, userId, role });
  }

  putOperator(instanceId: Id, userId: Id): void {
    this.operators.push([instanceId, userId]);
  }

  roleOf(instanceId: Id, orgId: Id, userId: Id): OrgRole | null {
    return this.membership(instanceId, orgId, userId)?.role ?? null;
  }

  async list(instanceId: Id, filter: OrgListFilter, page: PageRequest): Promise<Org[]> {
    const visible = filter.visibleIds;
    const found = this.rows
      .filter((o) => o.instanceId === instanceId && (visible === 'all' || visible.includes(o.id)))
      .filter(
        (o) => (filter.name === undefined || o.name === filter.name) && (filter.id === undefined || o.id === filter.id),
      )
      .filter((o) => filter.userId === undefined || this.membership(instanceId, o.id, filter.userId) !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id));
    if (page.descending) found.reverse();
    return found.slice(page.offset, page.offset + page.limit).map(plain);
  }

  async findById(instanceId: Id, orgId: Id): Promise<Org | null> {
    const row = this.row(instanceId, orgId);
    return row ? plain(row) : null;
  }

  /** Org names are unique per instance as written (case matters), like the unique index orgs_name_key. */
  async findByName(instanceId: Id, name: string): Promise<Org | null> {
    const row = this.rows.find((o) => o.instanceId === instanceId && o.name === name);
    return row ? plain(row) : null;
  }

  async create(instanceId: Id, org: NewOrg, at: Date): Promise<Org> {
    if (this.rows.some((o) => o.instanceId === instanceId && o.name === org.name)) throw orgNameTaken(org.name);
    const stored = this.put(instanceId, {
      id: org.id,
      name: org.name,
      description: org.description,
      createdAt: at,
      updatedAt: at,
    });
    if (org.ownerId) this.putMember(instanceId, org.id, org.ownerId, 'owner');
    this.buckets.push(...org.buckets.map((b) => ({ ...b, instanceId })));
    this.write(...org.events);
    return stored;
  }

  async update(instanceId: Id, orgId: Id, changes: OrgChanges, event: PlannedEvent, at: Date): Promise<Org | null> {
    const row = this.row(instanceId, orgId);
    if (!row) return null;
    if (
      changes.name !== undefined &&
      this.rows.some((o) => o !== row && o.instanceId === instanceId && o.name === changes.name)
    ) {
      throw orgNameTaken(changes.name);
    }
    Object.assign(row, changes, { updatedAt: at });
    this.write(event);
    return plain(row);
  }

  /** Its buckets and memberships go with it (ON DELETE CASCADE). */
  async remove(instanceId: Id, orgId: Id, event: PlannedEvent): Promise<boolean> {
    const row = this.row(instanceId, orgId);
    if (!row) return false;
    this.rows.splice(this.rows.indexOf(row), 1);
    removeWhere(this.buckets, (b) => b.instanceId === instanceId && b.orgId === orgId);
    removeWhere(this.members, (m) => m.instanceId === instanceId && m.orgId === orgId);
    this.write(event);
    return true;
  }

  async findUser(instanceId: Id, userId: Id): Promise<CallerUser | null> {
    return this.users.findById(instanceId, userId);
  }

  async findUserByName(instanceId: Id, name: string): Promise<CallerUser | null> {
    return (await this.users.findCredentials(instanceId, name))?.user ?? null;
  }

  /** Ordered by user name, then id; memberships of users that are gone do not show (they cascade in PostgreSQL). */
  async listMembers(instanceId: Id, orgId: Id, role: OrgRole): Promise<OrgMember[]> {
    const members: OrgMember[] = [];
    for (const m of this.members.filter((x) => x.instanceId === instanceId && x.orgId === orgId && x.role === role)) {
      const user = await this.users.findById(instanceId, m.userId);
      if (user) members.push({ id: user.id, name: user.name, status: user.status, role: m.role });
    }
    return members.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async findRole(instanceId: Id, orgId: Id, userId: Id): Promise<OrgRole | null> {
    return this.roleOf(instanceId, orgId, userId);
  }

  /** CONFLICT on a second membership (the primary key), NOT_FOUND when the org or user is gone (foreign keys). */
  async addMember(instanceId: Id, orgId: Id, userId: Id, role: OrgRole, event: PlannedEvent): Promise<void> {
    if (this.membership(instanceId, orgId, userId))
      throw new DomainError(ErrorCode.Conflict, 'user is already in the organization');
    if (!this.row(instanceId, orgId) || !(await this.users.findById(instanceId, userId)))
      throw DomainError.notFound('organization or user not found');
    this.putMember(instanceId, orgId, userId, role);
    this.write(event);
  }

  async changeRole(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    from: OrgRole,
    to: OrgRole,
    event: PlannedEvent,
  ): Promise<boolean> {
    const membership = this.membership(instanceId, orgId, userId);
    if (membership?.role !== from) return false;
    membership.role = to;
    this.write(event);
    return true;
  }

  async removeMember(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    role: OrgRole,
    event: PlannedEvent,
    _at: Date,
    guard?: OwnershipGuard,
  ): Promise<boolean> {
    enforceOwnership(this, instanceId, guard);
    const membership = this.membership(instanceId, orgId, userId);
    if (membership?.role !== role) return false;
    this.members.splice(this.members.indexOf(membership), 1);
    this.write(event);
    return true;
  }

  /** What ownership-facts.ts reads: operators with their users' status, and the orgs this user alone owns (by name). */
  ownershipFacts(instanceId: Id, userId: Id): OwnershipFacts {
    const exists = (id: Id) => this.users.statusOf(instanceId, id) !== undefined;
    const operatorIds = this.operators.filter(([i, u]) => i === instanceId && exists(u)).map(([, u]) => u);
    const owners = (orgId: Id) =>
      this.members.filter(
        (m) => m.instanceId === instanceId && m.orgId === orgId && m.role === 'owner' && exists(m.userId),
      );
    const soleOwnerOf = this.rows
      .filter((o) => o.instanceId === instanceId)
      .filter((o) => {
        const ids = owners(o.id).map((m) => m.userId);
        return ids.length === 1 && ids[0] === userId;
      })
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      isInstanceOperator: operatorIds.includes(userId),
      activeOperatorIds: operatorIds.filter((id) => this.users.statusOf(instanceId, id) === 'active'),
      soleOwnerOf,
    };
  }

  private row(instanceId: Id, orgId: Id): StoredOrg | undefined {
    return this.rows.find((o) => o.instanceId === instanceId && o.id === orgId);
  }

  private membership(instanceId: Id, orgId: Id, userId: Id): Membership | undefined {
    if (!this.users.statusOf(instanceId, userId)) return undefined;
    return this.members.find((m) => m.instanceId === instanceId && m.orgId === orgId && m.userId === userId);
  }

  private write(...events: PlannedEvent[]): void {
    this.writes += 1;
    this.events.push(...events);
  }
}

function plain(o: StoredOrg): Org {
  return { id: o.id, name: o.name, description: o.description, createdAt: o.createdAt, updatedAt: o.updatedAt };
}

function removeWhere<T>(list: T[], doomed: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (doomed(list[i])) list.splice(i, 1);
}
