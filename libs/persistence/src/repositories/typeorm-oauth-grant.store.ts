import { Id, MachineKeyGrant, NewAccessToken, OAuthGrantStore } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface KeyRow {
  id: string;
  public_key_pem: string;
  expires_at: Date | null;
  user_id: string;
  user_kind: string;
  user_status: string;
}

/** Machine keys (public halves only) and OAuth access tokens, rows of kind 'oauth_access' in `tokens` (digest only). */
@Injectable()
export class TypeOrmOAuthGrantStore extends OAuthGrantStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async findMachineKey(instanceId: Id, keyId: string): Promise<MachineKeyGrant | null> {
    // Key ids are 16 hex characters; anything else (also U+0000, which PostgreSQL text cannot hold) names no key.
    if (!/^[0-9a-f]{16}$/.test(keyId)) return null;
    const [row] = await this.db.query<KeyRow[]>(
      `SELECT k.id, k.public_key_pem, k.expires_at, u.id AS user_id, u.kind AS user_kind, u.status AS user_status
         FROM machine_keys k JOIN users u ON u.instance_id = k.instance_id AND u.id = k.user_id
        WHERE k.instance_id = $1 AND k.id = $2`,
      [instanceId, keyId],
    );
    if (!row) return null;
    return {
      instanceId,
      keyId: row.id,
      publicKeyPem: row.public_key_pem,
      expiresAt: row.expires_at,
      user: { id: row.user_id, kind: row.user_kind, status: row.user_status },
    };
  }

  async storeAccessToken(instanceId: Id, token: NewAccessToken, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      // served by tokens_user_idx (instance_id, user_id, kind): expired access tokens of the user do not pile up
      await tx.query(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'oauth_access' AND expires_at <= $3`,
        [instanceId, token.userId, at],
      );
      await tx.query(
        `INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, description, status, permissions, expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, 'oauth_access', $4, '', 'active', '[]', $5, $6, $6)`,
        [instanceId, token.id, token.userId, token.digest, token.expiresAt, at],
      );
    });
  }
}
