import {
  DomainError,
  ErrorCode,
  Id,
  InstanceRoute,
  InstanceState,
  TenantAuthRepository,
  TokenGrant,
  UserRoles,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type SqlTransaction } from '../database/sql-transaction';
import { SystemDatabase } from '../database/system-database';
import {
  type BucketMemberRow,
  type InstanceRow,
  type OrgMemberRow,
  type TokenRow,
  type UserRow,
} from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';

type GrantRow = Pick<TokenRow, 'instance_id' | 'id' | 'kind' | 'status' | 'expires_at' | 'permissions'> & {
  user_id: UserRow['id'];
  user_name: UserRow['name'];
  user_status: UserRow['status'];
};

type RouteRow = Pick<InstanceRow, 'id' | 'state' | 'is_default' | 'blocked'>;

const DEFAULT_INSTANCE_NAME = 'default';

function toGrant(row: GrantRow): TokenGrant {
  return {
    instanceId: row.instance_id,
    tokenId: row.id,
    kind: row.kind,
    status: row.status,
    expiresAt: row.expires_at,
    permissions: row.permissions,
    user: { id: row.user_id, name: row.user_name, status: row.user_status },
  };
}

function toRoute(row: RouteRow): InstanceRoute {
  return { instanceId: row.id, state: row.state, isDefault: row.is_default, blocked: row.blocked };
}

/**
 * Who calls the tenant API and which instance serves it. Routing a request (by its token's digest, by its Host)
 * happens before any instance is known, so those two lookups read in the system scope, and only read; everything
 * else is scoped to the instance they found.
 */
@Injectable()
export class TypeOrmTenantAuthRepository extends TenantAuthRepository {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly system: SystemDatabase,
  ) {
    super();
  }

  async findTokenByDigest(digest: string): Promise<TokenGrant | null> {
    const row = await this.system.statement((tx) =>
      tx.first<GrantRow>(
        `SELECT t.instance_id, t.id, t.kind, t.status, t.expires_at, t.permissions,
                u.id AS user_id, u.name AS user_name, u.status AS user_status
           FROM tokens t JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
          WHERE t.digest = $1`,
        [digest],
      ),
    );
    return row ? toGrant(row) : null;
  }

  userRoles(instanceId: Id, userId: Id): Promise<UserRoles> {
    return this.tenant.withInstance(instanceId, async (tx) => {
      const owner = await tx.first(
        `SELECT 1 FROM instance_members WHERE instance_id = $1 AND user_id = $2 AND role = 'owner'`,
        [instanceId, userId],
      );
      const orgs = await tx.rows<Pick<OrgMemberRow, 'org_id' | 'role'>>(
        'SELECT org_id, role FROM org_members WHERE instance_id = $1 AND user_id = $2 ORDER BY org_id',
        [instanceId, userId],
      );
      const buckets = await tx.rows<Pick<BucketMemberRow, 'bucket_id' | 'role'> & { org_id: string }>(
        `SELECT m.bucket_id, b.org_id, m.role
           FROM bucket_members m JOIN buckets b ON b.instance_id = m.instance_id AND b.id = m.bucket_id
          WHERE m.instance_id = $1 AND m.user_id = $2 ORDER BY m.bucket_id`,
        [instanceId, userId],
      );
      return {
        instanceOwner: owner !== undefined,
        orgs: orgs.map((m) => ({ orgId: m.org_id, role: m.role })),
        buckets: buckets.map((m) => ({ bucketId: m.bucket_id, orgId: m.org_id, role: m.role })),
      };
    });
  }

  async findInstanceByHost(host: string): Promise<InstanceRoute | null> {
    const row = await this.system.statement((tx) =>
      tx.first<RouteRow>(
        `SELECT i.id, i.state, i.is_default, i.blocked
           FROM instance_domains d JOIN instances i ON i.id = d.instance_id WHERE d.domain = $1`,
        [host],
      ),
    );
    return row ? toRoute(row) : null;
  }

  async findInstanceById(instanceId: Id): Promise<InstanceRoute | null> {
    const row = await this.tenant.withInstance(instanceId, (tx) =>
      tx.first<RouteRow>('SELECT id, state, is_default, blocked FROM instances WHERE id = $1', [instanceId]),
    );
    return row ? toRoute(row) : null;
  }

  /**
   * Which instance is the default one cannot be asked inside an instance's scope, so this looks it up in the
   * system scope first (read only), and creates a new one in that new instance's own scope. Two processes
   * starting together may both find none: the unique index on `is_default` lets one insert through, and the
   * other reads the winner.
   */
  async ensureDefaultInstance(domain: string, newId: Id, at: Date): Promise<Id> {
    const existing = await this.findDefaultInstance();
    if (existing) return existing;
    const created = await this.tenant.withInstance(newId, (tx) => this.createDefaultInstance(tx, domain, newId, at));
    if (created) return newId;
    const winner = await this.findDefaultInstance();
    if (!winner)
      throw new DomainError(ErrorCode.Internal, 'the default instance was created meanwhile but cannot be found');
    return winner;
  }

  private async findDefaultInstance(): Promise<Id | null> {
    const row = await this.system.statement((tx) =>
      tx.first<Pick<InstanceRow, 'id'>>('SELECT id FROM instances WHERE is_default'),
    );
    return row?.id ?? null;
  }

  /** False when another default instance got in first; nothing is written then. */
  private async createDefaultInstance(tx: SqlTransaction, domain: string, instanceId: Id, at: Date): Promise<boolean> {
    const inserted = await tx.rows<Pick<InstanceRow, 'id'>>(
      `INSERT INTO instances (id, name, state, default_language, is_default, created_at, updated_at)
       VALUES ($1, $2, $3, 'en', true, $4, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [instanceId, DEFAULT_INSTANCE_NAME, InstanceState.Running, at],
    );
    if (inserted.length === 0) return false;
    await tx.insert('instance_domains', {
      instance_id: instanceId,
      domain,
      is_generated: true,
      is_primary: true,
      created_at: at,
    });
    await tx.appendEvents(
      instanceId,
      [
        {
          aggregateType: 'instance',
          aggregateId: instanceId,
          type: 'instance.added',
          payload: { name: DEFAULT_INSTANCE_NAME, default: true },
          resourceOwner: instanceId,
        },
      ],
      at,
    );
    return true;
  }
}
