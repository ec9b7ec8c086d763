import {
  CallerUser,
  defaultShardGroupDurationSeconds,
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
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { BucketEntity, EventEntity, OrgEntity, OrgMemberEntity } from '../entities';
import { enforceOwnership } from './ownership-facts';
import { isUniqueViolation } from './postgres-errors';

const FOREIGN_KEY_VIOLATION = '23503';

function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e?.driverError?.code ?? e?.code) === FOREIGN_KEY_VIOLATION;
}

function toOrg(row: OrgEntity): Org {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

interface OrgRow {
  id: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
}

function events(instanceId: Id, list: readonly PlannedEvent[], at: Date): Partial<EventEntity>[] {
  return list.map((e) => ({
    instanceId,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    eventType: e.type,
    payload: e.payload,
    resourceOwner: e.resourceOwner,
    createdAt: at,
  }));
}

/** Orgs and org memberships; every query is scoped by instance_id. */
@Injectable()
export class TypeOrmOrgRepository extends OrgRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(instanceId: Id, filter: OrgListFilter, page: PageRequest): Promise<Org[]> {
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
    // InfluxDB lists orgs in id order; the primary key (instance_id, id) serves it.
    const rows = (await this.db.query(
      `SELECT o.id, o.name, o.description, o.created_at, o.updated_at FROM orgs o WHERE ${where.join(' AND ')}
        ORDER BY o.id ${page.descending ? 'DESC' : 'ASC'} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as OrgRow[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async findById(instanceId: Id, orgId: Id): Promise<Org | null> {
    const row = await this.db.getRepository(OrgEntity).findOneBy({ instanceId, id: orgId });
    return row ? toOrg(row) : null;
  }

  async findByName(instanceId: Id, name: string): Promise<Org | null> {
    // served by orgs_name_key
    const row = await this.db.getRepository(OrgEntity).findOneBy({ instanceId, name });
    return row ? toOrg(row) : null;
  }

  async create(instanceId: Id, org: NewOrg, at: Date): Promise<Org> {
    try {
      return await this.db.transaction(async (tx) => {
        await this.checkOrgQuota(tx, instanceId);
        const scope = { instanceId, createdAt: at };
        await tx.insert(OrgEntity, {
          ...scope,
          id: org.id,
          name: org.name,
          description: org.description,
          updatedAt: at,
        });
        if (org.ownerId)
          await tx.insert(OrgMemberEntity, { ...scope, orgId: org.id, userId: org.ownerId, role: 'owner' });
        await tx.insert(
          BucketEntity,
          org.buckets.map((b) => ({
            ...scope,
            id: b.id,
            orgId: b.orgId,
            name: b.name,
            description: '',
            type: b.type,
            retentionSeconds: String(b.retentionSeconds),
            shardGroupDurationSeconds: String(defaultShardGroupDurationSeconds(b.retentionSeconds)),
            schemaType: 'implicit',
            updatedAt: at,
          })),
        );
        await tx.insert(EventEntity, events(instanceId, org.events, at));
        return toOrg(await tx.findOneByOrFail(OrgEntity, { instanceId, id: org.id }));
      });
    } catch (error) {
      if (isUniqueViolation(error, 'orgs_name_key')) throw orgNameTaken(org.name);
      throw error;
    }
  }

  async update(instanceId: Id, orgId: Id, changes: OrgChanges, event: PlannedEvent, at: Date): Promise<Org | null> {
    try {
      return await this.db.transaction(async (tx) => {
        const result = await tx.update(OrgEntity, { instanceId, id: orgId }, { ...changes, updatedAt: at });
        if (!result.affected) return null;
        await tx.insert(EventEntity, events(instanceId, [event], at));
        return toOrg(await tx.findOneByOrFail(OrgEntity, { instanceId, id: orgId }));
      });
    } catch (error) {
      if (isUniqueViolation(error, 'orgs_name_key')) throw orgNameTaken(changes.name ?? '');
      throw error;
    }
  }

  remove(instanceId: Id, orgId: Id, event: PlannedEvent, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [org] = (await tx.query('SELECT id FROM orgs WHERE instance_id = $1 AND id = $2 FOR UPDATE', [
        instanceId,
        orgId,
      ])) as unknown[];
      if (!org) return false;
      // tokens have no foreign key to orgs: authorizations of the org go; PATs (instance credentials of machine users) stay.
      const [tokens] = (await tx.query(
        `DELETE FROM tokens WHERE instance_id = $1 AND org_id = $2 AND kind = 'authorization' RETURNING id`,
        [instanceId, orgId],
      )) as [{ id: string }[], number];
      await tx.query(`UPDATE tokens SET org_id = NULL, updated_at = $3 WHERE instance_id = $1 AND org_id = $2`, [
        instanceId,
        orgId,
        at,
      ]);
      const buckets = (await tx.query('SELECT id FROM buckets WHERE instance_id = $1 AND org_id = $2', [
        instanceId,
        orgId,
      ])) as { id: string }[];
      const members = (await tx.query('SELECT user_id, role FROM org_members WHERE instance_id = $1 AND org_id = $2', [
        instanceId,
        orgId,
      ])) as { user_id: string; role: OrgRole }[];
      // buckets (with their labels and members), labels and memberships go by ON DELETE CASCADE
      await tx.delete(OrgEntity, { instanceId, id: orgId });
      const cascaded: PlannedEvent[] = [
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
      await tx.insert(EventEntity, events(instanceId, [...cascaded, event], at));
      return true;
    });
  }

  async findUser(instanceId: Id, userId: Id): Promise<CallerUser | null> {
    const [row] = (await this.db.query('SELECT id, name, status FROM users WHERE instance_id = $1 AND id = $2', [
      instanceId,
      userId,
    ])) as CallerUser[];
    return row ?? null;
  }

  async findUserByName(instanceId: Id, name: string): Promise<CallerUser | null> {
    // served by users_name_key (instance_id, lower(name))
    const [row] = (await this.db.query(
      'SELECT id, name, status FROM users WHERE instance_id = $1 AND lower(name) = lower($2)',
      [instanceId, name],
    )) as CallerUser[];
    return row ?? null;
  }

  async listMembers(instanceId: Id, orgId: Id, role: OrgRole): Promise<OrgMember[]> {
    return (await this.db.query(
      `SELECT u.id, u.name, u.status, m.role FROM org_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
        WHERE m.instance_id = $1 AND m.org_id = $2 AND m.role = $3 ORDER BY u.name, u.id`,
      [instanceId, orgId, role],
    )) as OrgMember[];
  }

  async findRole(instanceId: Id, orgId: Id, userId: Id): Promise<OrgRole | null> {
    const row = await this.db.getRepository(OrgMemberEntity).findOneBy({ instanceId, orgId, userId });
    return (row?.role as OrgRole | undefined) ?? null;
  }

  async addMember(instanceId: Id, orgId: Id, userId: Id, role: OrgRole, event: PlannedEvent, at: Date): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.insert(OrgMemberEntity, { instanceId, orgId, userId, role, createdAt: at });
        await tx.insert(EventEntity, events(instanceId, [event], at));
      });
    } catch (error) {
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
    return this.db.transaction(async (tx) => {
      const result = await tx.update(OrgMemberEntity, { instanceId, orgId, userId, role: from }, { role: to });
      if (!result.affected) return false;
      await tx.insert(EventEntity, events(instanceId, [event], at));
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
    return this.db.transaction(async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const result = await tx.delete(OrgMemberEntity, { instanceId, orgId, userId, role });
      if (!result.affected) return false;
      await tx.insert(EventEntity, events(instanceId, [event], at));
      return true;
    });
  }

  /** The instance row lock makes count-then-insert safe against concurrent creates; NULL means no limit. */
  private async checkOrgQuota(tx: EntityManager, instanceId: Id): Promise<void> {
    const [instance] = (await tx.query('SELECT max_orgs FROM instances WHERE id = $1 FOR UPDATE', [instanceId])) as {
      max_orgs: number | null;
    }[];
    if (instance?.max_orgs === null || instance?.max_orgs === undefined) return;
    const [{ count }] = (await tx.query('SELECT count(*)::int AS count FROM orgs WHERE instance_id = $1', [
      instanceId,
    ])) as { count: number }[];
    if (count >= instance.max_orgs) throw new DomainError(ErrorCode.PermissionDenied, 'organization quota exceeded');
  }
}
