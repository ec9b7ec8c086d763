import { type Id, type OwnershipFacts, type OwnershipGuard } from '@app/domain';

import { type SqlTransaction } from '../database/sql-transaction';

/**
 * Locks the instance row, then reads the facts an owner rule needs about one user and lets the guard decide. Every
 * change that can remove an owner or an operator goes through here first in its transaction, so such changes run
 * one at a time per instance and two of them cannot each leave the other one the last owner.
 */
export async function enforceOwnership(
  tx: SqlTransaction,
  instanceId: Id,
  guard: OwnershipGuard | undefined,
): Promise<void> {
  if (!guard) return;
  await tx.rows('SELECT 1 FROM instances WHERE id = $1 FOR NO KEY UPDATE', [instanceId]);
  guard.check(await ownershipFacts(tx, instanceId, guard.userId));
}

async function ownershipFacts(tx: SqlTransaction, instanceId: Id, userId: Id): Promise<OwnershipFacts> {
  const operators = await tx.rows<{ user_id: string; status: string }>(
    `SELECT m.user_id, u.status FROM instance_members m JOIN users u ON u.instance_id = m.instance_id AND u.id = m.user_id
      WHERE m.instance_id = $1 AND m.role = 'owner'`,
    [instanceId],
  );
  const soleOwnerOf = await tx.rows<{ id: string; name: string }>(
    `SELECT o.id, o.name FROM org_members m JOIN orgs o ON o.instance_id = m.instance_id AND o.id = m.org_id
      WHERE m.instance_id = $1 AND m.user_id = $2 AND m.role = 'owner'
        AND NOT EXISTS (SELECT 1 FROM org_members other WHERE other.instance_id = m.instance_id AND other.org_id = m.org_id
                           AND other.role = 'owner' AND other.user_id <> m.user_id)
      ORDER BY o.name`,
    [instanceId, userId],
  );
  return {
    isInstanceOperator: operators.some((o) => o.user_id === userId),
    activeOperatorIds: operators.filter((o) => o.status === 'active').map((o) => o.user_id),
    soleOwnerOf,
  };
}
