import {
  DomainError,
  ErrorCode,
  Id,
  NewUser,
  OwnershipGuard,
  PlannedEvent,
  User,
  UserChanges,
  UserCredentials,
  UserListFilter,
  UserPageRequest,
  UserRepository,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type InstanceRow, type UserRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { enforceOwnership } from './ownership-facts';
import { isUniqueViolation } from './postgres-errors';

type UserFields = Pick<UserRow, 'id' | 'name' | 'status'>;

const toUser = (r: UserFields): User => ({ id: r.id, name: r.name, status: r.status });

/** Users of one instance, each call in one transaction scoped to it. */
@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  // served by the users primary key (instance_id, id): the id order is the paging order
  list(instanceId: Id, filter: UserListFilter, page: UserPageRequest): Promise<User[]> {
    const all = filter.visibleIds === 'all';
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<UserFields>(
        `SELECT id, name, status FROM users
          WHERE instance_id = $1 AND ($2::boolean OR id = ANY($3)) AND ($4::text IS NULL OR id = $4) AND ($5::text IS NULL OR name = $5)
            AND ($6::text IS NULL OR id > $6)
          ORDER BY id LIMIT $7 OFFSET $8`,
        [
          instanceId,
          all,
          all ? [] : filter.visibleIds,
          filter.id ?? null,
          filter.name ?? null,
          page.after ?? null,
          page.limit,
          page.offset,
        ],
      );
      return rows.map(toUser);
    });
  }

  findById(instanceId: Id, userId: Id): Promise<User | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<UserFields>('SELECT id, name, status FROM users WHERE instance_id = $1 AND id = $2', [
        instanceId,
        userId,
      ]);
      return row ? toUser(row) : null;
    });
  }

  // served by users_name_key (instance_id, lower(name))
  findCredentials(instanceId: Id, name: string): Promise<UserCredentials | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<UserFields & Pick<UserRow, 'password_hash'>>(
        'SELECT id, name, status, password_hash FROM users WHERE instance_id = $1 AND lower(name) = lower($2)',
        [instanceId, name],
      );
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    });
  }

  create(instanceId: Id, user: NewUser, event: PlannedEvent, at: Date): Promise<User> {
    return this.uniqueName(user.name, () =>
      this.db.withInstance(instanceId, async (tx) => {
        // The instance row lock makes count-then-insert safe against concurrent creates.
        const instance = await tx.first<Pick<InstanceRow, 'default_language' | 'max_users'>>(
          'SELECT default_language, max_users FROM instances WHERE id = $1 FOR UPDATE',
          [instanceId],
        );
        if (!instance) throw DomainError.notFound('instance not found');
        if (instance.max_users !== null) {
          const counted = await tx.first<{ count: number }>(
            'SELECT count(*)::int AS count FROM users WHERE instance_id = $1',
            [instanceId],
          );
          if ((counted?.count ?? 0) >= instance.max_users)
            throw new DomainError(ErrorCode.PermissionDenied, 'user quota exceeded');
        }
        await tx.insert('users', {
          instance_id: instanceId,
          id: user.id,
          kind: 'human',
          name: user.name,
          display_name: user.name,
          preferred_language: instance.default_language,
          status: user.status,
          created_at: at,
          updated_at: at,
        });
        await tx.appendEvents(instanceId, [event], at);
        return { id: user.id, name: user.name, status: user.status };
      }),
    );
  }

  update(
    instanceId: Id,
    userId: Id,
    changes: UserChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<User | null> {
    return this.uniqueName(changes.name ?? '', () =>
      this.db.withInstance(instanceId, async (tx) => {
        await enforceOwnership(tx, instanceId, guard);
        const [row] = await tx.rows<UserFields>(
          `UPDATE users SET name = COALESCE($3, name), display_name = COALESCE($3, display_name), status = COALESCE($4, status), updated_at = $5
            WHERE instance_id = $1 AND id = $2 RETURNING id, name, status`,
          [instanceId, userId, changes.name ?? null, changes.status ?? null, at],
        );
        if (!row) return null;
        await tx.appendEvents(instanceId, [event], at);
        return toUser(row);
      }),
    );
  }

  setPasswordHash(
    instanceId: Id,
    userId: Id,
    passwordHash: string,
    keepSessionId: Id | null,
    event: PlannedEvent,
    at: Date,
  ): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      const changed = await tx.execute(
        'UPDATE users SET password_hash = $3, password_change_required = false, updated_at = $4 WHERE instance_id = $1 AND id = $2',
        [instanceId, userId, passwordHash, at],
      );
      if (changed === 0) return false;
      // served by tokens_user_idx (instance_id, user_id, kind)
      await tx.execute(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'session' AND ($3::text IS NULL OR id <> $3)`,
        [instanceId, userId, keepSessionId],
      );
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  remove(instanceId: Id, userId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      // tokens (PATs, authorizations, sessions), machine keys and memberships go with it (ON DELETE CASCADE)
      const removed = await tx.execute('DELETE FROM users WHERE instance_id = $1 AND id = $2', [instanceId, userId]);
      if (removed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  /** The unique index decides, whatever concurrent writers did; the failed transaction is already rolled back here. */
  private async uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'users_name_key'))
        throw new DomainError(ErrorCode.Conflict, `user with name ${name} already exists`);
      throw error;
    }
  }
}
