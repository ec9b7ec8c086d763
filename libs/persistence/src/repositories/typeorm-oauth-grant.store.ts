import { Id, MachineKeyGrant, NewAccessToken, OAuthGrantStore } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type MachineKeyRow, type UserRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';

type KeyFields = Pick<MachineKeyRow, 'id' | 'public_key_pem' | 'expires_at' | 'user_id'> & {
  user_kind: UserRow['kind'];
  user_status: UserRow['status'];
};

function toGrant(instanceId: Id, row: KeyFields): MachineKeyGrant {
  return {
    instanceId,
    keyId: row.id,
    publicKeyPem: row.public_key_pem,
    expiresAt: row.expires_at,
    user: { id: row.user_id, kind: row.user_kind, status: row.user_status },
  };
}

/** Machine keys (public halves only) and OAuth access tokens, rows of kind 'oauth_access' in `tokens` (digest only). */
@Injectable()
export class TypeOrmOAuthGrantStore extends OAuthGrantStore {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  async findMachineKey(instanceId: Id, keyId: string): Promise<MachineKeyGrant | null> {
    // Key ids are 16 hex characters; anything else (also U+0000, which PostgreSQL text cannot hold) names no key.
    if (!/^[0-9a-f]{16}$/.test(keyId)) return null;
    return this.db.withInstance(instanceId, async (tx) => {
      const row = await tx.first<KeyFields>(
        `SELECT k.id, k.public_key_pem, k.expires_at, u.id AS user_id, u.kind AS user_kind, u.status AS user_status
           FROM machine_keys k JOIN users u ON u.instance_id = k.instance_id AND u.id = k.user_id
          WHERE k.instance_id = $1 AND k.id = $2`,
        [instanceId, keyId],
      );
      return row ? toGrant(instanceId, row) : null;
    });
  }

  storeAccessToken(instanceId: Id, token: NewAccessToken, at: Date): Promise<void> {
    return this.db.withInstance(instanceId, async (tx) => {
      // served by tokens_user_idx (instance_id, user_id, kind): expired access tokens of the user do not pile up
      await tx.execute(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'oauth_access' AND expires_at <= $3`,
        [instanceId, token.userId, at],
      );
      await tx.insert('tokens', {
        instance_id: instanceId,
        id: token.id,
        user_id: token.userId,
        org_id: null,
        kind: 'oauth_access',
        digest: token.digest,
        description: '',
        status: 'active',
        permissions: [],
        expires_at: token.expiresAt,
        created_at: at,
        updated_at: at,
      });
    });
  }
}
