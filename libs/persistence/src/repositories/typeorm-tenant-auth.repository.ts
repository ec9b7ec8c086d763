import {
  Id,
  InstanceRoute,
  InstanceState,
  operatorPermissions,
  orgMemberPermissions,
  orgOwnerPermissions,
  Permission,
  selfPermissions,
  TenantAuthRepository,
  TokenGrant,
  TokenKind,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { EventEntity, InstanceDomainEntity, InstanceEntity } from '../entities';

interface GrantRow {
  instance_id: string;
  id: string;
  kind: TokenKind;
  status: 'active' | 'inactive';
  expires_at: Date | null;
  permissions: Permission[];
  user_id: string;
  user_name: string;
  user_status: 'active' | 'inactive';
}

@Injectable()
export class TypeOrmTenantAuthRepository extends TenantAuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async findTokenByDigest(digest: string): Promise<TokenGrant | null> {
    const [row] = (await this.db.query(
      `SELECT t.instance_id, t.id, t.kind, t.status, t.expires_at, t.permissions, u.id AS user_id, u.name AS user_name, u.status AS user_status
         FROM tokens t JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
        WHERE t.digest = $1`,
      [digest],
    )) as GrantRow[];
    if (!row) return null;
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

  async sessionPermissions(instanceId: Id, userId: Id): Promise<Permission[]> {
    const [owner] = (await this.db.query(
      `SELECT 1 FROM instance_members WHERE instance_id = $1 AND user_id = $2 AND role = 'owner'`,
      [instanceId, userId],
    )) as unknown[];
    if (owner) return operatorPermissions();
    const memberships = (await this.db.query(
      `SELECT org_id, role FROM org_members WHERE instance_id = $1 AND user_id = $2`,
      [instanceId, userId],
    )) as { org_id: string; role: string }[];
    const bucketRoles = (await this.db.query(
      `SELECT m.bucket_id, b.org_id, m.role FROM bucket_members m JOIN buckets b ON b.instance_id = m.instance_id AND b.id = m.bucket_id
        WHERE m.instance_id = $1 AND m.user_id = $2`,
      [instanceId, userId],
    )) as { bucket_id: string; org_id: string; role: string }[];
    return [
      ...selfPermissions(userId),
      ...memberships.flatMap((m) =>
        m.role === 'owner' ? orgOwnerPermissions(m.org_id) : orgMemberPermissions(m.org_id),
      ),
      // bucket members may read the bucket, owners may also change and delete it
      ...bucketRoles.flatMap((m): Permission[] => {
        const resource = { type: 'buckets' as const, id: m.bucket_id, orgID: m.org_id };
        return m.role === 'owner'
          ? [
              { action: 'read', resource },
              { action: 'write', resource },
            ]
          : [{ action: 'read', resource }];
      }),
    ];
  }

  async findInstanceByHost(host: string): Promise<InstanceRoute | null> {
    const [row] = (await this.db.query(
      `SELECT i.id, i.state, i.is_default, i.blocked FROM instance_domains d JOIN instances i ON i.id = d.instance_id WHERE d.domain = $1`,
      [host],
    )) as { id: string; state: InstanceState; is_default: boolean; blocked: boolean }[];
    return row ? { instanceId: row.id, state: row.state, isDefault: row.is_default, blocked: row.blocked } : null;
  }

  async findInstanceById(instanceId: Id): Promise<InstanceRoute | null> {
    const row = await this.db.getRepository(InstanceEntity).findOneBy({ id: instanceId });
    return row
      ? { instanceId: row.id, state: row.state as InstanceState, isDefault: row.isDefault, blocked: row.blocked }
      : null;
  }

  async ensureDefaultInstance(domain: string, newId: Id, at: Date): Promise<Id> {
    return this.db.transaction(async (tx) => {
      const inserted = (await tx.query(
        `INSERT INTO instances (id, name, state, default_language, is_default, created_at, updated_at)
         VALUES ($1, 'default', $2, 'en', true, $3, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [newId, InstanceState.Running, at],
      )) as { id: string }[];
      if (inserted.length === 0) {
        return (await tx.getRepository(InstanceEntity).findOneByOrFail({ isDefault: true })).id;
      }
      await tx.insert(InstanceDomainEntity, {
        instanceId: newId,
        domain,
        isGenerated: true,
        isPrimary: true,
        createdAt: at,
      });
      await tx.insert(EventEntity, [
        {
          instanceId: newId,
          aggregateType: 'instance',
          aggregateId: newId,
          eventType: 'instance.added',
          payload: { name: 'default', default: true },
          resourceOwner: newId,
          createdAt: at,
        },
      ]);
      return newId;
    });
  }
}
