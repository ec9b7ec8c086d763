import {
  Authorization,
  AuthorizationChanges,
  AuthorizationFilter,
  AuthorizationRepository,
  DomainError,
  Id,
  NewAuthorization,
  OwnershipGuard,
  Permission,
  PlannedEvent,
  resourceKey,
  ResourceOrgs,
  ResourceRef,
  ResourceType,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { EventEntity, TokenEntity } from '../entities';
import { enforceOwnership } from './ownership-facts';

interface AuthorizationRow {
  id: string;
  kind: 'authorization' | 'pat';
  status: 'active' | 'inactive';
  description: string;
  org_id: string;
  org_name: string;
  user_id: string;
  user_name: string;
  permissions: Permission[];
  created_at: Date;
  updated_at: Date;
}

/** Sessions are never authorizations; PATs without an org (whose org was removed) have no orgID to show. */
const SELECT_AUTHORIZATIONS = `
  SELECT t.id, t.kind, t.status, t.description, t.org_id, o.name AS org_name, t.user_id, u.name AS user_name, t.permissions,
         t.created_at, t.updated_at
    FROM tokens t
    JOIN orgs o ON o.instance_id = t.instance_id AND o.id = t.org_id
    JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
   WHERE t.instance_id = $1 AND t.kind IN ('authorization', 'pat')`;

function toAuthorization(row: AuthorizationRow): Authorization {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    description: row.description,
    orgId: row.org_id,
    orgName: row.org_name,
    userId: row.user_id,
    userName: row.user_name,
    permissions: row.permissions,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function eventRow(instanceId: Id, e: PlannedEvent, at: Date): Partial<EventEntity> {
  return {
    instanceId,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    eventType: e.type,
    payload: e.payload,
    resourceOwner: e.resourceOwner,
    createdAt: at,
  };
}

/** InfluxDB authorizations over the tokens table; every query is scoped by instance_id. */
@Injectable()
export class TypeOrmAuthorizationRepository extends AuthorizationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(instanceId: Id, filter: AuthorizationFilter): Promise<Authorization[]> {
    const params: unknown[] = [instanceId];
    let where = '';
    // served by tokens_user_idx and tokens_org_idx
    if (filter.userId !== undefined) {
      params.push(filter.userId);
      where += ` AND t.user_id = $${params.length}`;
    }
    if (filter.orgId !== undefined) {
      params.push(filter.orgId);
      where += ` AND t.org_id = $${params.length}`;
    }
    const rows = (await this.db.query(`${SELECT_AUTHORIZATIONS}${where} ORDER BY t.id`, params)) as AuthorizationRow[];
    return rows.map(toAuthorization);
  }

  findById(instanceId: Id, authId: Id): Promise<Authorization | null> {
    return this.find(this.db.manager, instanceId, authId);
  }

  create(instanceId: Id, auth: NewAuthorization, event: PlannedEvent, at: Date): Promise<Authorization> {
    return this.db.transaction(async (tx) => {
      // tokens has no foreign key to orgs: lock the org so that it cannot go away under the new authorization.
      const [org] = (await tx.query('SELECT id FROM orgs WHERE instance_id = $1 AND id = $2 FOR SHARE', [
        instanceId,
        auth.orgId,
      ])) as unknown[];
      if (!org) throw DomainError.notFound('organization not found');
      await tx.insert(TokenEntity, {
        instanceId,
        id: auth.id,
        userId: auth.userId,
        orgId: auth.orgId,
        kind: 'authorization',
        digest: auth.digest,
        description: auth.description,
        status: auth.status,
        permissions: [...auth.permissions],
        expiresAt: null,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(EventEntity, eventRow(instanceId, event, at));
      return (await this.find(tx, instanceId, auth.id))!;
    });
  }

  update(
    instanceId: Id,
    authId: Id,
    changes: AuthorizationChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<Authorization | null> {
    return this.db.transaction(async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const result = await tx
        .createQueryBuilder()
        .update(TokenEntity)
        .set({ ...changes, updatedAt: at })
        .where(`instance_id = :instanceId AND id = :authId AND kind IN ('authorization', 'pat')`, {
          instanceId,
          authId,
        })
        .execute();
      if (!result.affected) return null;
      await tx.insert(EventEntity, eventRow(instanceId, event, at));
      return this.find(tx, instanceId, authId);
    });
  }

  async resourceOrgs(instanceId: Id, refs: readonly ResourceRef[]): Promise<ResourceOrgs> {
    if (refs.length === 0) return new Map();
    const rows = (await this.db.query(
      `SELECT 'buckets' AS type, id, org_id FROM buckets WHERE instance_id = $1 AND id = ANY($2)
       UNION ALL SELECT 'labels', id, org_id FROM labels WHERE instance_id = $1 AND id = ANY($3)
       UNION ALL SELECT 'authorizations', id, org_id FROM tokens WHERE instance_id = $1 AND id = ANY($4) AND kind IN ('authorization', 'pat')
       UNION ALL SELECT 'orgs', id, id FROM orgs WHERE instance_id = $1 AND id = ANY($5)
       UNION ALL SELECT 'users', id, NULL FROM users WHERE instance_id = $1 AND id = ANY($6)`,
      [
        instanceId,
        ...(['buckets', 'labels', 'authorizations', 'orgs', 'users'] as const).map((t) =>
          refs.filter((r) => r.type === t).map((r) => r.id),
        ),
      ],
    )) as { type: ResourceType; id: Id; org_id: Id | null }[];
    return new Map(rows.map((r) => [resourceKey(r), r.org_id]));
  }

  remove(instanceId: Id, authId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const [, affected] = (await tx.query(
        `DELETE FROM tokens WHERE instance_id = $1 AND id = $2 AND kind IN ('authorization', 'pat')`,
        [instanceId, authId],
      )) as [unknown, number];
      if (!affected) return false;
      await tx.insert(EventEntity, eventRow(instanceId, event, at));
      return true;
    });
  }

  private async find(manager: EntityManager, instanceId: Id, authId: Id): Promise<Authorization | null> {
    const [row] = (await manager.query(`${SELECT_AUTHORIZATIONS} AND t.id = $2`, [
      instanceId,
      authId,
    ])) as AuthorizationRow[];
    return row ? toAuthorization(row) : null;
  }
}
