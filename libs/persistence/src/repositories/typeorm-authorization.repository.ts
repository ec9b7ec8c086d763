import {
  Authorization,
  AuthorizationChanges,
  AuthorizationFilter,
  AuthorizationRepository,
  DomainError,
  ErrorCode,
  Id,
  NewAuthorization,
  OwnershipGuard,
  PlannedEvent,
  resourceKey,
  ResourceOrgs,
  ResourceRef,
  ResourceType,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { type OrgRow, type TokenRow, type UserRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';
import { enforceOwnership } from './ownership-facts';

/** A token as SELECT_AUTHORIZATIONS reads it: only the two kinds that are authorizations, always with an org. */
type AuthorizationFields = Pick<
  TokenRow,
  'id' | 'status' | 'description' | 'user_id' | 'permissions' | 'created_at' | 'updated_at'
> & {
  kind: 'authorization' | 'pat';
  org_id: OrgRow['id'];
  org_name: OrgRow['name'];
  user_name: UserRow['name'];
};

/** Sessions are never authorizations; PATs without an org (whose org was removed) have no orgID to show. */
const SELECT_AUTHORIZATIONS = `
  SELECT t.id, t.kind, t.status, t.description, t.org_id, o.name AS org_name, t.user_id, u.name AS user_name, t.permissions,
         t.created_at, t.updated_at
    FROM tokens t
    JOIN orgs o ON o.instance_id = t.instance_id AND o.id = t.org_id
    JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
   WHERE t.instance_id = $1 AND t.kind IN ('authorization', 'pat')`;

function toAuthorization(row: AuthorizationFields): Authorization {
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

/** InfluxDB authorizations over the tokens table, each call in one transaction scoped to its instance. */
@Injectable()
export class TypeOrmAuthorizationRepository extends AuthorizationRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  list(instanceId: Id, filter: AuthorizationFilter): Promise<Authorization[]> {
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
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<AuthorizationFields>(`${SELECT_AUTHORIZATIONS}${where} ORDER BY t.id`, params);
      return rows.map(toAuthorization);
    });
  }

  findById(instanceId: Id, authId: Id): Promise<Authorization | null> {
    return this.db.withInstance(instanceId, (tx) => this.find(tx, instanceId, authId));
  }

  create(instanceId: Id, auth: NewAuthorization, event: PlannedEvent, at: Date): Promise<Authorization> {
    return this.db.withInstance(instanceId, async (tx) => {
      // tokens has no foreign key to orgs: lock the org so that it cannot go away under the new authorization.
      const org = await tx.first('SELECT id FROM orgs WHERE instance_id = $1 AND id = $2 FOR SHARE', [
        instanceId,
        auth.orgId,
      ]);
      if (!org) throw DomainError.notFound('organization not found');
      await tx.insert('tokens', {
        instance_id: instanceId,
        id: auth.id,
        user_id: auth.userId,
        org_id: auth.orgId,
        kind: 'authorization',
        digest: auth.digest,
        description: auth.description,
        status: auth.status,
        permissions: [...auth.permissions],
        expires_at: null,
        created_at: at,
        updated_at: at,
      });
      await tx.appendEvents(instanceId, [event], at);
      const created = await this.find(tx, instanceId, auth.id);
      // The foreign key on tokens.user_id has made sure of the user, the lock above of the org.
      if (!created) throw new DomainError(ErrorCode.Internal, `authorization ${auth.id} cannot be read back`);
      return created;
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
    return this.db.withInstance(instanceId, async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const changed = await tx.execute(
        `UPDATE tokens SET status = COALESCE($3, status), description = COALESCE($4, description), updated_at = $5
          WHERE instance_id = $1 AND id = $2 AND kind IN ('authorization', 'pat')`,
        [instanceId, authId, changes.status ?? null, changes.description ?? null, at],
      );
      if (changed === 0) return null;
      await tx.appendEvents(instanceId, [event], at);
      return this.find(tx, instanceId, authId);
    });
  }

  resourceOrgs(instanceId: Id, refs: readonly ResourceRef[]): Promise<ResourceOrgs> {
    if (refs.length === 0) return Promise.resolve(new Map());
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<{ type: ResourceType; id: Id; org_id: Id | null }>(
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
      );
      return new Map(rows.map((r) => [resourceKey(r), r.org_id]));
    });
  }

  remove(instanceId: Id, authId: Id, event: PlannedEvent, at: Date, guard?: OwnershipGuard): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      await enforceOwnership(tx, instanceId, guard);
      const removed = await tx.execute(
        `DELETE FROM tokens WHERE instance_id = $1 AND id = $2 AND kind IN ('authorization', 'pat')`,
        [instanceId, authId],
      );
      if (removed === 0) return false;
      await tx.appendEvents(instanceId, [event], at);
      return true;
    });
  }

  private async find(tx: SqlTransaction, instanceId: Id, authId: Id): Promise<Authorization | null> {
    const row = await tx.first<AuthorizationFields>(`${SELECT_AUTHORIZATIONS} AND t.id = $2`, [instanceId, authId]);
    return row ? toAuthorization(row) : null;
  }
}
