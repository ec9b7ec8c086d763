import {
  CallerUser,
  DomainError,
  ErrorCode,
  Id,
  NewOrg,
  Org,
  OrgChanges,
  OrgListFilter,
  OrgMember,
  orgNameTaken,
  OrgRepository,
  OrgRole,
  OwnershipGuard,
  PageRequest,
  PlannedEvent,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { type InstanceRow, type OrgMemberRow, type OrgRow, type UserRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { enforceOwnership } from './ownership-facts';
import { isUniqueViolation } from './postgres-errors';
import { insertBuckets, insertOrg, insertOrgMembers } from './tenant-rows';

const FOREIGN_KEY_VIOLATION = '23503';

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === FOREIGN_KEY_VIOLATION;
}

type OrgFields = Pick<OrgRow, 'id' | 'name' | 'description' | 'created_at' | 'updated_at'>;
const ORG_COLUMNS = 'o.id, o.name, o.description, o.created_at, o.updated_at';

function toOrg(row: OrgFields): Org {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type CallerUserFields = Pick<UserRow, 'id' | 'name' | 'status'>;
const toCallerUser = (row: CallerUserFields): CallerUser => ({ id: row.id, name: row.name, status: row.status });

type MemberFields = CallerUserFields & Pick<OrgMemberRow, 'role'>;
const toMember = (row: MemberFields): OrgMember => ({ ...toCallerUser(row), role: row.role });

/** What removing an org takes with it, one event per removed row, as the log has always recorded it. */
function cascadedEvents(
  orgId: Id,
  tokens: readonly { id: string }[],
  buckets: readonly { id: string }[],
  members: readonly Pick<OrgMemberRow, 'user_id' | 'role'>[],
): PlannedEvent[] {
  return [
    ...tokens.map((t): PlannedEvent => ({
      aggregateType: 'token',
      aggregateId: t.id,
      type: 'authorization.removed',
      payload: { cause: 'org.removed' },
      resourceOwner: orgId,
    })),
    ...buckets.map((b): PlannedEvent => ({
      aggregateType: 'bucket',
      aggregateId: b.id,
      type: 'bucket.removed',
      payload: { cause: 'org.removed' },
      resourceOwner: orgId,
    })),
    ...members.map((m): PlannedEvent => ({
      aggregateType: 'member',
      aggregateId: m.user_id,
      type: `member.${m.role}.removed`,
      payload: { orgId, cause: 'org.removed' },
      resourceOwner: orgId,
    })),
  ];
}

/** Orgs and org memberships, each call in one transaction scoped to its instance. */
@Injectable()
export class TypeOrmOrgRepository extends OrgRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  list(instanceId: Id, filter: OrgListFilter, page: PageRequest): Promise<Org[]> {
    const where = ['o.instance_id = $1'];
    const params: unknown[] = [instanceId];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.visibleIds !== 'all') add((n) => `o.id = ANY(${n})`, filter.visibleIds);
    if (filter.name !== undefined) add((n) => `o.name = ${n}`, filter.name);
    if (filter.id !== undefined) add((n) => `o.id = ${n}`, filter.id);
    // served by org_members_user_idx
    if (filter.userId !== undefined) {
      add(
        (n) =>
          `EXISTS (SELECT 1 FROM org_members m WHERE m.instance_id = o.instance_id AND m.org_id = o.id AND m.user_id = ${n})`,
        filter.userId,
      );
    }
    params.push(page.limit, page.offset);
    return this.db.withInstance(instanceId, async (tx) => {
      // InfluxDB lists orgs in id order; the primary key (instance_id, id) serves it.
      const rows = await tx.rows<OrgFields>(
        `SELECT ${ORG_COLUMNS} FROM orgs o WHERE ${where.join(' AND ')}
          ORDER BY o.id ${page.descending ? 'DESC' : 'ASC'} LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return rows.map(toOrg);
    });
  }

  findById(instanceId: Id, orgId: Id): Promise<Org | null> {
    return this.db.withInstance(instanceId, (tx) => this.find(tx, instanceId, orgId));
  }

  findByName(instanceId: Id, name: string): Promise<Org | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      // served by orgs_name_key
      const row = await tx.first<OrgFields>(
        `SELECT ${ORG_COLUMNS} FROM orgs o WHERE o.instance_id = $1 AND o.name = $2`,
        [instanceId, name],
      );
      return row ? toOrg(row) : null;
    });
  }

  async create(instanceId: Id, org: NewOrg, at: Date): Promise<Org> {
    try {
      return await this.db.withInstance(instanceId, async (tx) => {
        await this.checkOrgQuota(tx, instanceId);
        await insertOrg(tx, instanceId, org, at);
        if (org.ownerId) await insertOrgMembers(tx, instanceId, org.id, [org.ownerId], 'owner', at);
        await insertBuckets(tx, instanceId, org.buckets, at);
        await tx.appendEvents(instanceId, org.events, at);
        return { id: org.id, name: org.name, description: org.description, createdAt: at, updatedAt: at };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'orgs_name_key')) throw orgNameTaken(org.name);
      throw error;
    }
  }

  async update(instanceId: Id, orgId: Id, changes: OrgChanges, event: PlannedEvent, at: Date): Promise<Org | null> {
    try {
      return await this.db.withInstance(instanceId, async (tx) => {
        const [row] = await tx.rows<OrgFields>(
          `UPDATE orgs o SET name = COALESCE($3, o.name), description = COALESCE($4, o.description), updated_at = $5
            WHERE o.instance_id = $1 AND o.id = $2 RETURNING ${ORG_COLUMNS}`,
          [instanceId, orgId, changes.name ?? null, changes.description ?? null, at],
        );
        if (!row) return null;
        await tx.appendEvents(instanceId, [event], at);
        return toOrg(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'orgs_name_key')) throw orgNameTaken(changes.name ?? '');
      throw error;
    }
  }

  remove(instanceId: Id, orgId: Id, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      const org = await tx.first('SELECT id FROM orgs WHERE instance_id = $1 AND id = $2 FOR UPDATE', [
        instanceId,
        orgId,
      ]);
      if (!org) return false;
      // tokens have no foreign key to orgs: authorizations of the org go; PATs (instance credentials of machine users) stay.
      const tokens = await tx.rows<{ id: string }>(
        `DELETE FROM tokens WHERE instance_id = $1 AND org_id = $2 AND kind = 'authorization' RETURNING id`,
        [instanceId, orgId],
      );
      await tx.execute('UPDATE tokens SET org_id = NULL, updated_at = $3 WHERE instance_id = $1 AND org_id = $2', [
        instanceId,
        orgId,
        at,
      ]);
      const buckets = await tx.rows<{ id: string }>('SELECT id FROM buckets WHERE instance_id = $1 AND org_id = $2', [
        instanceId,
        orgId,
      ]);
      const members = await tx.rows<Pick<OrgMemberRow, 'user_id' | 'role'>>(
        'SELECT user_id, role FROM org_members WHERE instance_id = $1 AND org_id = $2',
        [instanceId, orgId],
      );
      // buckets (with their labels and members), labels and memberships go by ON DELETE CASCADE
      await tx.execute('DELETE FROM orgs WHERE instance_id = $1 AND id = $2', [instanceId, orgId]);
      await tx.appendEvents(instanceId, [...cascadedEvents(orgId, tokens, buckets, members), event], at);
      return true;
    });
  }

  findUser(instanceId: Id, userId: Id): Promise<CallerUser | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<CallerUserFields>(
        'SELECT id, name, status FROM users WHERE instance_id = $1 AND id = $2',
        [instanceId, userId],
      );
      return row ? toCallerUser(row) : null;
    });
  }

  findUserByName(instanceId: Id, name: string): Promise<CallerUser | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      // served by users_name_key (instance_id, lower(name))
      const row = await tx.first<CallerUserFields>(
        'SELECT id, name, status FROM users WHERE instance_id = $1 AND lower(name) = lower($2)',
        [instanceId, name],
      );
      return row ? toCallerUser(row) : null;
    });
  }

  listMembers(instanceId: Id, orgId: Id, role: OrgRole): Promise<OrgMember[]> {
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<MemberFields>(
        `SELECT u.id, u.name, u.status, m.role FROM org_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
          WHERE m.instance_id = $1 AND m.org_id = $2 AND m.role = $3 ORDER BY u.name, u.id`,
        [instanceId, orgId, role],
      );
      return rows.map(toMember);
    });
  }

  findRole(instanceId: Id, orgId: Id, userId: Id): Promise<OrgRole | null> {
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<Pick<OrgMemberRow, 'role'>>(
        'SELECT role FROM org_members WHERE instance_id = $1 AND org_id = $2 AND user_id = $3',
        [instanceId, orgId, userId],
      );
      return row?.role ?? null;
    });
  }

  async addMember(instanceId: Id, orgId: Id, userId: Id, role: OrgRole, event: PlannedEvent, at: Date): Promise<void> {
    try {
      await this.db.withInstance(instanceId, async (tx) => {
        await insertOrgMembers(tx, instanceId, orgId, [userId], role, at);
        await tx.appendEvents(instanceId, [event], at);
      });
    } catch (error) {
      // The failed insert rolled the transaction back; only the error is translated here.
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.Conflict, 'user is already in the organization');
      if (isForeignKeyViolation(error)) throw DomainError.notFound('organization or user not found');
      throw error;
    }
  }

  changeRole(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    from: OrgRole,
    to: OrgRole,
    event: PlannedEvent,
    at: Date,
  ): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      const changed = await tx.execute(
        'UPDATE org_members SET role = $5 WHERE instance_id = $1 AND org_id = $2 AND user_id = $3 AND role = $4',
        [instanceId, orgId, userId, from, to],
      );
      if (changed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  removeMember(
    instanceId: Id,
    orgId: Id,
    userId: Id,
    role: OrgRole,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const removed = await tx.execute(
        'DELETE FROM org_members WHERE instance_id = $1 AND org_id = $2 AND user_id = $3 AND role = $4',
        [instanceId, orgId, userId, role],
      );
      if (removed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  private async find(tx: SqlTransaction, instanceId: Id, orgId: Id): Promise<Org | null> {
    const row = await tx.first<OrgFields>(`SELECT ${ORG_COLUMNS} FROM orgs o WHERE o.instance_id = $1 AND o.id = $2`, [
      instanceId,
      orgId,
    ]);
    return row ? toOrg(row) : null;
  }

  /** The instance row lock makes count-then-insert safe against concurrent creates; NULL means no limit. */
  private async checkOrgQuota(tx: SqlTransaction, instanceId: Id): Promise<void> {
    const instance = await tx.first<Pick<InstanceRow, 'max_orgs'>>(
      'SELECT max_orgs FROM instances WHERE id = $1 FOR UPDATE',
      [instanceId],
    );
    if (instance?.max_orgs === null || instance?.max_orgs === undefined) return;
    const counted = await tx.first<{ count: number }>(
      'SELECT count(*)::int AS count FROM orgs WHERE instance_id = $1',
      [instanceId],
    );
    if ((counted?.count ?? 0) >= instance.max_orgs)
      throw new DomainError(ErrorCode.PermissionDenied, 'organization quota exceeded');
  }
}
