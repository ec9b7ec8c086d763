import { Id, NewSession, SessionRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Sessions are rows of kind 'session' in `tokens`; their permissions are computed per request, so none are stored. */
@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async create(instanceId: Id, session: NewSession, at: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      // served by tokens_user_idx (instance_id, user_id, kind): expired sessions of the user do not pile up
      await tx.query(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'session' AND expires_at <= $3`,
        [instanceId, session.userId, at],
      );
      await tx.query(
        `INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, description, status, permissions, expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, NULL, 'session', $4, '', 'active', '[]', $5, $6, $6)`,
        [instanceId, session.id, session.userId, session.digest, session.expiresAt, at],
      );
    });
  }

  async remove(instanceId: Id, sessionId: Id): Promise<boolean> {
    const [, affected] = (await this.db.query(
      `DELETE FROM tokens WHERE instance_id = $1 AND id = $2 AND kind = 'session'`,
      [instanceId, sessionId],
    )) as [unknown, number];
    return affected > 0;
  }
}
