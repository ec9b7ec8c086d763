import { BucketMember, BucketMemberRepository, BucketRole, DomainError, ErrorCode, Id } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { UserEntity } from '../entities';

interface MemberRow {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  role: BucketRole;
}

@Injectable()
export class TypeOrmBucketMemberRepository extends BucketMemberRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async list(instanceId: Id, bucketId: Id, role: BucketRole): Promise<BucketMember[]> {
    return (await this.db.query(
      `SELECT u.id, u.name, u.status, m.role FROM bucket_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
        WHERE m.instance_id = $1 AND m.bucket_id = $2 AND m.role = $3 ORDER BY u.name, u.id`,
      [instanceId, bucketId, role],
    )) as MemberRow[];
  }

  userExists(instanceId: Id, userId: Id): Promise<boolean> {
    return this.db.getRepository(UserEntity).existsBy({ instanceId, id: userId });
  }

  async add(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole, at: Date): Promise<BucketMember> {
    // One role per user and bucket: insert, or switch the role; the same role again is a conflict.
    const changed = (await this.db.query(
      `INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (instance_id, bucket_id, user_id) DO UPDATE SET role = EXCLUDED.role WHERE bucket_members.role <> EXCLUDED.role
       RETURNING user_id`,
      [instanceId, bucketId, userId, role, at],
    )) as unknown[];
    if (changed.length === 0)
      throw new DomainError(
        ErrorCode.Conflict,
        `user is already ${role === 'owner' ? 'an owner' : 'a member'} of this bucket`,
      );
    const [member] = (await this.db.query(
      `SELECT u.id, u.name, u.status, $3::text AS role FROM users u WHERE u.instance_id = $1 AND u.id = $2`,
      [instanceId, userId, role],
    )) as MemberRow[];
    return member;
  }

  async remove(instanceId: Id, bucketId: Id, userId: Id, role: BucketRole): Promise<boolean> {
    const [, affected] = (await this.db.query(
      'DELETE FROM bucket_members WHERE instance_id = $1 AND bucket_id = $2 AND user_id = $3 AND role = $4',
      [instanceId, bucketId, userId, role],
    )) as [unknown, number];
    return affected > 0;
  }
}
