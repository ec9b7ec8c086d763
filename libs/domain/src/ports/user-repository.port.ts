import { type OwnershipGuard } from '../orgs/owner-rules';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type User, type UserStatus } from '../users/user';

export interface UserListFilter {
  readonly id?: Id;
  /** Exact name. */
  readonly name?: string;
  /** Only these users (what the caller may read), or every user of the instance. */
  readonly visibleIds: 'all' | readonly Id[];
}

/** Users are listed in id order; `after` is an id cursor (exclusive). */
export interface UserPageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly after?: Id;
}

export interface NewUser {
  readonly id: Id;
  readonly name: string;
  readonly status: UserStatus;
}

export interface UserChanges {
  readonly name?: string;
  readonly status?: UserStatus;
}

/** What sign-in checks: the user and its argon2id hash (null when the user has no password). */
export interface UserCredentials {
  readonly user: User;
  readonly passwordHash: string | null;
}

/** Users of one instance. Every method is scoped to one instance. */
export abstract class UserRepository {
  abstract list(instanceId: Id, filter: UserListFilter, page: UserPageRequest): Promise<User[]>;
  abstract findById(instanceId: Id, userId: Id): Promise<User | null>;
  /** By name whatever its case (names are unique that way); null when there is no such user. */
  abstract findCredentials(instanceId: Id, name: string): Promise<UserCredentials | null>;
  /**
   * Writes the user (a human of the instance's language) with its event. DomainError(CONFLICT) when the name is
   * taken in any case, DomainError(PERMISSION_DENIED) when the instance's user quota is reached.
   */
  abstract create(instanceId: Id, user: NewUser, event: PlannedEvent, at: Date): Promise<User>;
  /** null when the user does not exist; DomainError(CONFLICT) when the new name is taken. */
  abstract update(
    instanceId: Id,
    userId: Id,
    changes: UserChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<User | null>;
  /**
   * Replaces the password hash and ends every session of the user but `keepSessionId` (a password change signs
   * out the other browsers). False when the user does not exist.
   */
  abstract setPasswordHash(
    instanceId: Id,
    userId: Id,
    passwordHash: string,
    keepSessionId: Id | null,
    event: PlannedEvent,
    at: Date,
  ): Promise<boolean>;
  /**
   * Removes the user; its tokens, sessions, keys and memberships go with it (FK cascade). False when it did not exist.
   * `guard` may refuse first (owner rules).
   */
  abstract remove(instanceId: Id, userId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean>;
}
