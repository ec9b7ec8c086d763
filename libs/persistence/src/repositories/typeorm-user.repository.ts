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
  UserStatus,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { EventEntity } from '../entities';
import { enforceOwnership } from './ownership-facts';
import { isUniqueViolation } from './postgres-errors';

interface UserRow {
  id: string;
  name: string;
  status: UserStatus;
  password_hash?: string | null;
}

const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, status: r.status });

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  // served by the users primary key (instance_id, id): the id order is the paging order
  async list(instanceId: Id, filter: UserListFilter, page: UserPageRequest): Promise<User[]> {
    const all = filter.visibleIds === 'all';
    const rows = (await this.db.query(
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
    )) as UserRow[];
    return rows.map(toUser);
  }

  findById(instanceId: Id, userId: Id): Promise<User | null> {
    return this.findWith(this.db.manager, instanceId, userId);
  }

  // served by users_name_key (instance_id, lower(name))
  async findCredentials(instanceId: Id, name: string): Promise<UserCredentials | null> {
    const [row] = (await this.db.query(
      'SELECT id, name, status, password_hash FROM users WHERE instance_id = $1 AND lower(name) = lower($2)',
      [instanceId, name],
    )) as UserRow[];
    return row ? { user: toUser(row), passwordHash: row.password_hash ?? null } : null;
  }

  async create(instanceId: Id, user: NewUser, event: PlannedEvent, at: Date): Promise<User> {
    return this.uniqueName(user.name, () =>
      this.db.transaction(async (tx) => {
        // The instance row lock makes count-then-insert safe against concurrent creates.
        const [instance] = (await tx.query(
          'SELECT default_language, max_users FROM instances WHERE id = $1 FOR UPDATE',
          [instanceId],
        )) as {
          default_language: string;
          max_users: number | null;
        }[];
        if (instance.max_users !== null) {
          const [{ count }] = (await tx.query('SELECT count(*)::int AS count FROM users WHERE instance_id = $1', [
            instanceId,
          ])) as { count: number }[];
          if (count >= instance.max_users) throw new DomainError(ErrorCode.PermissionDenied, 'user quota exceeded');
        }
        await tx.query(
          `INSERT INTO users (instance_id, id, kind, name, display_name, preferred_language, status, created_at, updated_at)
           VALUES ($1, $2, 'human', $3, $3, $4, $5, $6, $6)`,
          [instanceId, user.id, user.name, instance.default_language, user.status, at],
        );
        await this.event(tx, instanceId, event, at);
        return { id: user.id, name: user.name, status: user.status };
      }),
    );
  }

  async update(
    instanceId: Id,
    userId: Id,
    changes: UserChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<User | null> {
    return this.uniqueName(changes.name ?? '', () =>
      this.db.transaction(async (tx) => {
        await enforceOwnership(tx, instanceId, guard);
        const [rows] = (await tx.query(
          `UPDATE users SET name = COALESCE($3, name), display_name = COALESCE($3, display_name), status = COALESCE($4, status), updated_at = $5
            WHERE instance_id = $1 AND id = $2 RETURNING id, name, status`,
          [instanceId, userId, changes.name ?? null, changes.status ?? null, at],
        )) as [UserRow[], number];
        if (rows.length === 0) return null;
        await this.event(tx, instanceId, event, at);
        return toUser(rows[0]);
      }),
    );
  }

  async setPasswordHash(
    instanceId: Id,
    userId: Id,
    passwordHash: string,
    keepSessionId: Id | null,
    event: PlannedEvent,
    at: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, affected] = (await tx.query(
        'UPDATE users SET password_hash = $3, password_change_required = false, updated_at = $4 WHERE instance_id = $1 AND id = $2',
        [instanceId, userId, passwordHash, at],
      )) as [unknown, number];
      if (affected === 0) return false;
      // served by tokens_user_idx (instance_id, user_id, kind)
      await tx.query(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'session' AND ($3::text IS NULL OR id <> $3)`,
        [instanceId, userId, keepSessionId],
      );
      await this.event(tx, instanceId, event, at);
      return true;
    });
  }

  async remove(instanceId: Id, userId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      // tokens (PATs, authorizations, sessions), machine keys and memberships go with it (ON DELETE CASCADE)
      const [, affected] = (await tx.query('DELETE FROM users WHERE instance_id = $1 AND id = $2', [
        instanceId,
        userId,
      ])) as [unknown, number];
      if (affected === 0) return false;
      await this.event(tx, instanceId, event, at);
      return true;
    });
  }

  private async findWith(manager: EntityManager, instanceId: Id, userId: Id): Promise<User | null> {
    const [row] = (await manager.query('SELECT id, name, status FROM users WHERE instance_id = $1 AND id = $2', [
      instanceId,
      userId,
    ])) as UserRow[];
    return row ? toUser(row) : null;
  }

  private async uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'users_name_key'))
        throw new DomainError(ErrorCode.Conflict, `user with name ${name} already exists`);
      throw error;
    }
  }

  private async event(tx: EntityManager, instanceId: Id, e: PlannedEvent, at: Date): Promise<void> {
    await tx.insert(EventEntity, {
      instanceId,
      aggregateType: e.aggregateType,
      aggregateId: e.aggregateId,
      eventType: e.type,
      payload: e.payload,
      resourceOwner: e.resourceOwner,
      createdAt: at,
    });
  }
}
