import { BucketMember, BucketMemberRepository, BucketRole, DomainError, ErrorCode, Id } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { TenantDatabase } from '../database/tenant-database';

interface MemberRow {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  role: BucketRole;
}

@Injectable()
export class TypeOrmBucketMemberRepository extends BucketMemberRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  list(instanceId: Id, bucketId: Id, role: BucketRole): Promise<BucketMember[]> {
    return this.db.withInstance(instanceId, (tx) =>
      tx.rows<MemberRow>(
        `SELECT u.id, u.name, u.status, m.role FROM bucket_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
          WHERE m.instance_id = $1 AND m.bucket_id = $2 AND m.role = $3 ORDER BY u.name, u.id`,
        [instanceId, bucketId, role],
      ),
    );
  }

  userExists(instanceId: Id, userId: Id): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) =>
      Boolean(await tx.first('SELECT 1 FROM users WHERE instance_id = $1 AND id = $2', [instanceId, userId])),
    );
  }

  add(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole, at: Date): Promise<BucketMember> {
    return this.db.withInstance(instanceId, async (tx) => {
      // One role per user and bucket: insert, or switch the role; the same role again is a conflict.
      const changed = await tx.execute(
        `INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (instance_id, bucket_id, user_id) DO UPDATE SET role = EXCLUDED.role WHERE bucket_members.role <> EXCLUDED.role`,
        [instanceId, bucketId, userId, role, at],
      );
      if (changed === 0)
        throw new DomainError(
          ErrorCode.Conflict,
          `user is already ${role === 'owner' ? 'an owner' : 'a member'} of this bucket`,
        );
      const member = await tx.first<MemberRow>(
        `SELECT u.id, u.name, u.status, $3::text AS role FROM users u WHERE u.instance_id = $1 AND u.id = $2`,
        [instanceId, userId, role],
      );
      if (!member) throw new DomainError(ErrorCode.NotFound, 'user not found');
      return member;
    });
  }

  remove(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole): Promise<boolean> {
    return this.db.withInstance(instanceId, async (tx) => {
      const affected = await tx.execute(
        'DELETE FROM bucket_members WHERE instance_id = $1 AND bucket_id = $2 AND user_id = $3 AND role = $4',
        [instanceId, bucketId, userId, role],
      );
      return affected > 0;
    });
  }
}
