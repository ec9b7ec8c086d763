import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The admission count of a create in one statement: lock the caller, then count its other unfinished creations.
 * Two statements from the service took an extra round trip while holding the lock that every create of the caller
 * waits for, and under load that round trip waited behind other requests in the API's event loop too.
 *
 * PL/pgSQL, VOLATILE: each statement inside takes a new snapshot (READ COMMITTED), so the count sees every creation
 * committed by the lock's previous holder. SECURITY INVOKER (the default): row-level security applies to the count
 * as to any query of the caller's role.
 */
export class PendingCreatesFunction1763908000000 implements MigrationInterface {
  name = 'PendingCreatesFunction1763908000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION pending_creates_of(caller text, own_operation text) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('pending-creates:' || caller, 0));
        RETURN (SELECT count(*) FROM operations
                 WHERE created_by = caller AND kind = 'CREATE_INSTANCE' AND state IN ('PENDING', 'RUNNING')
                   AND id <> own_operation);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION pending_creates_of(text, text)`);
  }
}
