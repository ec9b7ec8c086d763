import { type Org, type OrgMember, type OrgRole, type PageRequest } from '../orgs/org';
import { type OwnershipGuard } from '../orgs/owner-rules';
import { type PlannedBucket, type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type CallerUser } from '../tenancy/tenant-caller';

export interface OrgListFilter {
  readonly name?: string;
  readonly id?: Id;
  /** Only orgs this user is a member or owner of. */
  readonly userId?: Id;
  /** Only these orgs (what the caller may read), or every org of the instance. */
  readonly visibleIds: 'all' | readonly Id[];
}

/** Every row a new org consists of, written in one transaction with its events. */
export interface NewOrg {
  readonly id: Id;
  readonly name: string;
  readonly description: string;
  /** Becomes the org's owner; null when the creator has no user. */
  readonly ownerId: Id | null;
  readonly buckets: readonly PlannedBucket[];
  readonly events: readonly PlannedEvent[];
}

export interface OrgChanges {
  readonly name?: string;
  readonly description?: string;
}

/** Orgs and their memberships. Every method is scoped to one instance. */
export abstract class OrgRepository {
  /** Ordered by creation (InfluxDB's id order), then id. */
  abstract list(instanceId: Id, filter: OrgListFilter, page: PageRequest): Promise<Org[]>;
  abstract findById(instanceId: Id, orgId: Id): Promise<Org | null>;
  abstract findByName(instanceId: Id, name: string): Promise<Org | null>;
  /** Throws DomainError(CONFLICT) when the name is taken in the instance; writes nothing then. */
  abstract create(instanceId: Id, org: NewOrg, at: Date): Promise<Org>;
  /** null when the org does not exist; DomainError(CONFLICT) when the new name is taken. */
  abstract update(instanceId: Id, orgId: Id, changes: OrgChanges, event: PlannedEvent, at: Date): Promise<Org | null>;
  /**
   * Removes the org with its buckets, memberships and authorizations in one transaction, recording an event for
   * each removed row besides `event`. PATs scoped to the org lose their org but keep working. False when it did
   * not exist.
   */
  abstract remove(instanceId: Id, orgId: Id, event: PlannedEvent, at: Date): Promise<boolean>;

  abstract findUser(instanceId: Id, userId: Id): Promise<CallerUser | null>;
  /** User names are unique within an instance whatever their case. */
  abstract findUserByName(instanceId: Id, name: string): Promise<CallerUser | null>;
  abstract listMembers(instanceId: Id, orgId: Id, role: OrgRole): Promise<OrgMember[]>;
  abstract findRole(instanceId: Id, orgId: Id, userId: Id): Promise<OrgRole | null>;
  /** Inserts a membership; DomainError(CONFLICT) when the user has one already (a concurrent add). */
  abstract addMember(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    role: OrgRole,
    event: PlannedEvent,
    at: Date,
  ): Promise<void>;
  /** Changes `from` into `to`; false when the user has no membership with role `from` (any more). */
  abstract changeRole(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    from: OrgRole,
    to: OrgRole,
    event: PlannedEvent,
    at: Date,
  ): Promise<boolean>;
  /** Removes the membership when it has this role; false when there is none. `guard` may refuse first (owner rules). */
  abstract removeMember(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    role: OrgRole,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<boolean>;
}
