/** In-memory fakes of the user and session ports, for unit specs only (nothing in the app imports this file). */
import { DomainError, ErrorCode } from '../errors';
import { type OwnershipGuard } from '../orgs/owner-rules';
import {
  type NewSession,
  type NewUser,
  type SessionRepository,
  type UserChanges,
  type UserCredentials,
  type UserListFilter,
  type UserPageRequest,
  type UserRepository,
} from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { type User, type UserStatus } from '../users/user';
import { enforceOwnership, NO_MEMBERSHIPS, type OwnershipFactsSource } from './in-memory-orgs';

interface StoredUser extends User {
  readonly instanceId: Id;
  readonly passwordHash: string | null;
}

export class InMemoryUserRepository implements UserRepository {
  readonly rows: StoredUser[] = [];
  readonly events: PlannedEvent[] = [];
  /** Sessions the repository ended: [userId, keptSessionId]. */
  readonly endedSessions: [Id, Id | null][] = [];
  writes = 0;
  /** Where owner rules read their facts: an InMemoryOrgRepository built on this repository sets itself here. */
  ownership: OwnershipFactsSource = NO_MEMBERSHIPS;

  put(instanceId: Id, user: User, passwordHash: string | null = null): void {
    this.rows.push({ instanceId, ...user, passwordHash });
  }

  async list(instanceId: Id, filter: UserListFilter, page: UserPageRequest): Promise<User[]> {
    return this.rows
      .filter((u) => u.instanceId === instanceId && (filter.visibleIds === 'all' || filter.visibleIds.includes(u.id)))
      .filter(
        (u) => (filter.id === undefined || u.id === filter.id) && (filter.name === undefined || u.name === filter.name),
      )
      .filter((u) => page.after === undefined || u.id > page.after)
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(page.offset, page.offset + page.limit)
      .map(plain);
  }

  async findById(instanceId: Id, userId: Id): Promise<User | null> {
    const row = this.row(instanceId, userId);
    return row ? plain(row) : null;
  }

  async findCredentials(instanceId: Id, name: string): Promise<UserCredentials | null> {
    const row = this.rows.find((u) => u.instanceId === instanceId && u.name.toLowerCase() === name.toLowerCase());
    return row ? { user: plain(row), passwordHash: row.passwordHash } : null;
  }

  async create(instanceId: Id, user: NewUser, event: PlannedEvent): Promise<User> {
    if (this.rows.some((u) => u.instanceId === instanceId && u.name.toLowerCase() === user.name.toLowerCase())) {
      throw new DomainError(ErrorCode.Conflict, `user with name ${user.name} already exists`);
    }
    this.write(event);
    this.put(instanceId, user);
    return { ...user };
  }

  async update(
    instanceId: Id,
    userId: Id,
    changes: UserChanges,
    event: PlannedEvent,
    _at?: Date,
    guard?: OwnershipGuard,
  ): Promise<User | null> {
    enforceOwnership(this.ownership, instanceId, guard);
    const row = this.row(instanceId, userId);
    if (!row) return null;
    if (
      changes.name !== undefined &&
      this.rows.some(
        (u) => u !== row && u.instanceId === instanceId && u.name.toLowerCase() === changes.name!.toLowerCase(),
      )
    ) {
      throw new DomainError(ErrorCode.Conflict, `user with name ${changes.name} already exists`);
    }
    this.write(event);
    Object.assign(row, changes);
    return plain(row);
  }

  async setPasswordHash(
    instanceId: Id,
    userId: Id,
    passwordHash: string,
    keepSessionId: Id | null,
    event: PlannedEvent,
  ): Promise<boolean> {
    const row = this.row(instanceId, userId);
    if (!row) return false;
    this.write(event);
    Object.assign(row, { passwordHash });
    this.endedSessions.push([userId, keepSessionId]);
    return true;
  }

  async remove(instanceId: Id, userId: Id, event: PlannedEvent, _at?: Date, guard?: OwnershipGuard): Promise<boolean> {
    enforceOwnership(this.ownership, instanceId, guard);
    const index = this.rows.findIndex((u) => u.instanceId === instanceId && u.id === userId);
    if (index < 0) return false;
    this.write(event);
    this.rows.splice(index, 1);
    return true;
  }

  statusOf(instanceId: Id, userId: Id): UserStatus | undefined {
    return this.row(instanceId, userId)?.status;
  }

  hashOf(userId: Id): string | null {
    return this.rows.find((u) => u.id === userId)?.passwordHash ?? null;
  }

  private row(instanceId: Id, userId: Id): StoredUser | undefined {
    return this.rows.find((u) => u.instanceId === instanceId && u.id === userId);
  }

  private write(event: PlannedEvent): void {
    this.writes += 1;
    this.events.push(event);
  }
}

export class InMemorySessionRepository implements SessionRepository {
  readonly sessions: (NewSession & { instanceId: Id; createdAt: Date })[] = [];

  async create(instanceId: Id, session: NewSession, at: Date): Promise<void> {
    this.sessions.push({ instanceId, ...session, createdAt: at });
  }

  async remove(instanceId: Id, sessionId: Id): Promise<boolean> {
    const index = this.sessions.findIndex((s) => s.instanceId === instanceId && s.id === sessionId);
    if (index >= 0) this.sessions.splice(index, 1);
    return index >= 0;
  }
}

const plain = (u: User): User => ({ id: u.id, name: u.name, status: u.status });
