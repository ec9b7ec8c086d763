import { Id, InstanceMemberRepository, InstanceMemberView } from '@app/domain';
import { Injectable } from '@nestjs/common';

import { type InstanceMemberRow, type UserRow } from '../database/tables';
import { TenantDatabase } from '../database/tenant-database';

/** ZITADEL's name of the instance owner role. */
const ROLE_NAMES: Record<string, string> = { owner: 'IAM_OWNER' };

type MemberFields = Pick<InstanceMemberRow, 'user_id' | 'role' | 'created_at'> &
  Pick<UserRow, 'name' | 'display_name' | 'email' | 'first_name' | 'last_name' | 'kind' | 'updated_at'> & {
    /** The user's last event, null when it has none. */
    sequence: string | null;
  };

function toMemberView(instanceId: Id, r: MemberFields): InstanceMemberView {
  return {
    userId: r.user_id,
    userName: r.name,
    displayName: r.display_name,
    email: r.email ?? '',
    firstName: r.first_name,
    lastName: r.last_name,
    kind: r.kind,
    roles: [ROLE_NAMES[r.role] ?? r.role],
    details: {
      sequence: r.sequence ?? '0',
      creationDate: r.created_at,
      changeDate: r.updated_at,
      resourceOwner: instanceId,
    },
  };
}

/** The instance's operators (its IAM owners), for the System API's member list. */
@Injectable()
export class TypeOrmInstanceMemberRepository extends InstanceMemberRepository {
  constructor(private readonly db: TenantDatabase) {
    super();
  }

  owners(instanceId: Id): Promise<InstanceMemberView[]> {
    return this.db.withInstance(instanceId, async (tx) => {
      const rows = await tx.rows<MemberFields>(
        `SELECT m.user_id, u.name, u.display_name, u.email, u.first_name, u.last_name, u.kind, m.role, m.created_at, u.updated_at,
                (SELECT max(e.sequence)::text FROM events e WHERE e.instance_id = m.instance_id AND e.aggregate_id = m.user_id) AS sequence
           FROM instance_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
          WHERE m.instance_id = $1
          ORDER BY m.created_at, m.user_id`,
        [instanceId],
      );
      return rows.map((r) => toMemberView(instanceId, r));
    });
  }
}
