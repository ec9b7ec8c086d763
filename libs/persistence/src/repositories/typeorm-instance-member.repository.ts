import { Id, InstanceMemberRepository, InstanceMemberView } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** ZITADEL's name of the instance owner role. */
const ROLE_NAMES: Record<string, string> = { owner: 'IAM_OWNER' };

interface MemberRow {
  user_id: string;
  name: string;
  display_name: string;
  email: string | null;
  first_name: string;
  last_name: string;
  kind: string;
  role: string;
  created_at: Date;
  updated_at: Date;
  sequence: string | null;
}

@Injectable()
export class TypeOrmInstanceMemberRepository extends InstanceMemberRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async owners(instanceId: Id): Promise<InstanceMemberView[]> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT m.user_id, u.name, u.display_name, u.email, u.first_name, u.last_name, u.kind, m.role, m.created_at, u.updated_at,
              (SELECT max(e.sequence)::text FROM events e WHERE e.instance_id = m.instance_id AND e.aggregate_id = m.user_id) AS sequence
         FROM instance_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
        WHERE m.instance_id = $1
        ORDER BY m.created_at, m.user_id`,
      [instanceId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      userName: r.name,
      displayName: r.display_name,
      email: r.email ?? '',
      firstName: r.first_name,
      lastName: r.last_name,
      kind: r.kind === 'machine' ? 'machine' : 'human',
      roles: [ROLE_NAMES[r.role] ?? r.role],
      details: {
        sequence: r.sequence ?? '0',
        creationDate: r.created_at,
        changeDate: r.updated_at,
        resourceOwner: instanceId,
      },
    }));
  }
}
