import { type Id } from '@app/domain';

import { type SystemDatabase } from '../database/system-database';
import { type OperationRow } from '../database/tables';

/**
 * The instance an operation belongs to, looked up by the operation's id alone: jobs and the System API name an
 * operation, not its instance, so this one read runs in the system scope and the work that follows runs in the
 * instance's scope. An operation never changes instance, so the answer stays true for that work.
 */
export async function instanceOfOperation(system: SystemDatabase, operationId: Id): Promise<Id | null> {
  const row = await system.statement((tx) =>
    tx.first<Pick<OperationRow, 'instance_id'>>('SELECT instance_id FROM operations WHERE id = $1', [operationId]),
  );
  return row?.instance_id ?? null;
}
