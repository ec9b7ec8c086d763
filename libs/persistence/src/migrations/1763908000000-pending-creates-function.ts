import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The admission of a create, in the database: lock the caller, count its other unfinished creations, and refuse
 * (SQLSTATE PW429, the count in DETAIL) when they reach the limit. The reservation calls it at the end of the single
 * statement that writes it (see reserve-instance.ts), so the lock that every create of the caller waits for is held
 * for this count and the commit only, never while the service's event loop gets round to the next statement.
 *
 * PL/pgSQL, VOLATILE: each statement inside takes a new snapshot (READ COMMITTED), so the count sees every creation
 * committed by the lock's previous holder. SECURITY INVOKER (the default): row-level security applies to the count
 * as to any query of the caller's role.
 */
export class PendingCreatesFunction1763908000000 implements MigrationInterface {
  name = 'PendingCreatesFunction1763908000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION admit_pending_create(caller text, own_operation text, max_pending integer) RETURNS integer
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        pending integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('pending-creates:' || caller, 0));
        SELECT count(*) INTO pending FROM operations
         WHERE created_by = caller AND kind = 'CREATE_INSTANCE' AND state IN ('PENDING', 'RUNNING')
           AND id <> own_operation;
        IF pending >= max_pending THEN
          RAISE EXCEPTION 'too many pending creates' USING ERRCODE = 'PW429', DETAIL = pending::text;
        END IF;
        RETURN pending;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION admit_pending_create(text, text, integer)`);
  }
}
