import { Id, NewSession, SessionRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { TenantDatabase } from '../database/tenant-database';

/** Sessions are rows of kind 'session' in `tokens`; their permissions are computed per request, so none are stored. */
@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  create(instanceId: Id, session: NewSession, at: Date): Promise<void> {
    return this.db.withInstance(instanceId, async (tx) => {
      // served by tokens_user_idx (instance_id, user_id, kind): expired sessions of the user do not pile up
      await tx.execute(
        `DELETE FROM tokens WHERE instance_id = $1 AND user_id = $2 AND kind = 'session' AND expires_at <= $3`,
        [instanceId, session.userId, at],
      );
      await tx.insert('tokens', {
        instance_id: instanceId,
        id: session.id,
        user_id: session.userId,
        org_id: null,
        kind: 'session',
        digest: session.digest,
        description: '',
        status: 'active',
        permissions: [],
        expires_at: session.expiresAt,
        created_at: at,
        updated_at: at,
      });
    });
  }

  remove(instanceId: Id, sessionId: Id): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      const removed = await tx.execute(`DELETE FROM tokens WHERE instance_id = $1 AND id = $2 AND kind = 'session'`, [
        instanceId,
        sessionId,
      ]);
      return removed > 0;
    });
  }
}
