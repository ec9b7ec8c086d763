import { type InstanceReservation, InstanceState, type LimitedAdmission, OperationState } from '@app/domain';

import { insertStatement, type SqlTransaction } from '../database/sql-transaction';
import { throwIfAdmissionRefused } from './pending-work';

/**
 * Writes a create's reservation (the instance, its domains, its PENDING operation) and admits it, as a single
 * statement committed on its own: one round trip on a system-scope connection, no BEGIN, no COMMIT.
 *
 * Order inside the statement is by data dependency, not by the order of the WITH clauses (PostgreSQL runs an
 * unreferenced data-modifying clause only after the main query): the main query reads every clause, so all three
 * inserts are done before `admit_pending_create` locks the caller and counts. A taken domain therefore fails with
 * its unique violation before the limit is looked at, and the caller's lock is held from the count to the commit
 * that ends the statement, never across a round trip. Foreign keys are checked at the end of the statement, when
 * the instance row exists.
 */
export async function reserveInstance(
  sql: SqlTransaction,
  r: InstanceReservation,
  admit?: LimitedAdmission,
): Promise<void> {
  const params: unknown[] = [];
  const instance = insertStatement(
    'instances',
    [
      {
        id: r.instanceId,
        name: r.name,
        state: InstanceState.Creating,
        default_language: r.defaultLanguage,
        created_at: r.at,
        updated_at: r.at,
      },
    ],
    params,
  );
  const domains = insertStatement(
    'instance_domains',
    r.domains.map((d) => ({
      instance_id: r.instanceId,
      domain: d.domain,
      is_generated: d.generated,
      is_primary: d.primary,
      created_at: r.at,
    })),
    params,
  );
  const operation = insertStatement(
    'operations',
    [
      {
        id: r.operation.id,
        instance_id: r.instanceId,
        kind: r.operation.kind,
        state: OperationState.Pending,
        created_by: r.operation.createdBy,
        request: r.operation.request,
        sealed_input: r.operation.sealedInput,
        total_steps: r.operation.totalSteps,
        created_at: r.at,
        updated_at: r.at,
      },
    ],
    params,
  );
  let admission = '0';
  if (admit) {
    params.push(r.operation.createdBy, Math.max(0, Math.trunc(admit.limit)));
    admission = `admit_pending_create($${params.length - 1}, o.id, $${params.length}::integer)`;
  }
  try {
    await sql.rows(
      `WITH i AS (${instance} RETURNING id), d AS (${domains} RETURNING 1), o AS (${operation} RETURNING id)
       SELECT ${admission} AS pending FROM i, o, (SELECT count(*) FROM d) AS written`,
      params,
    );
  } catch (error) {
    if (admit) throwIfAdmissionRefused(error, admit);
    throw error;
  }
}
