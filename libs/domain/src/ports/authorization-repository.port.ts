import { type Permission } from '../authorization/permission';
import { type Authorization, type AuthorizationStatus } from '../authorizations/authorization';
import { type ResourceOrgs, type ResourceRef } from '../authorizations/permission-targets';
import { type OwnershipGuard } from '../orgs/owner-rules';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

export interface AuthorizationFilter {
  readonly userId?: Id;
  readonly orgId?: Id;
}

export interface NewAuthorization {
  readonly id: Id;
  readonly orgId: Id;
  readonly userId: Id;
  /** SHA-256 digest of the token: the plaintext is never stored. */
  readonly digest: string;
  readonly description: string;
  readonly status: AuthorizationStatus;
  readonly permissions: readonly Permission[];
}

export interface AuthorizationChanges {
  readonly status?: AuthorizationStatus;
  readonly description?: string;
}

/** InfluxDB authorizations and PATs (never sessions) of one instance. */
export abstract class AuthorizationRepository {
  /** Ordered by creation, then id. PATs without an org are not listed (an Authorization always has an orgID). */
  abstract list(instanceId: Id, filter: AuthorizationFilter): Promise<Authorization[]>;
  abstract findById(instanceId: Id, authId: Id): Promise<Authorization | null>;
  /** Writes the token and its event in one transaction; DomainError(NOT_FOUND) when the org or user went away. */
  abstract create(instanceId: Id, auth: NewAuthorization, event: PlannedEvent, at: Date): Promise<Authorization>;
  /** null when it does not exist. `guard` may refuse first (owner rules). */
  abstract update(
    instanceId: Id,
    authId: Id,
    changes: AuthorizationChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<Authorization | null>;
  /** Where the named resources of the instance are (see ResourceOrgs); unknown ones are left out. */
  abstract resourceOrgs(instanceId: Id, refs: readonly ResourceRef[]): Promise<ResourceOrgs>;
  /** False when it did not exist. `guard` may refuse first (owner rules). */
  abstract remove(instanceId: Id, authId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean>;
}
