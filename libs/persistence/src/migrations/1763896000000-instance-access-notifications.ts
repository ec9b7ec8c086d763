import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Tables whose rows decide who an instance's tenant callers are and what they may do, keyed by `instance_id`. */
const MEMBER_TABLES = ['instance_domains', 'instance_members', 'org_members', 'bucket_members', 'instance_quotas'];

/**
 * The API caches resolved tenant callers (and request quotas) for a few seconds; a change to any row they are made
 * from notifies `instance_access_changed` with the instance id, and every API process drops that instance's
 * entries. A trigger is used because no code path that writes these tables can forget it (the System API, the
 * tenant API, the worker, an operator in psql). NOTIFY in a transaction is delivered at its commit and duplicates
 * within one transaction are folded, so a bulk change sends one notification per instance.
 *
 * Inserted tokens and users are left out: the cache never remembers a token or user that was not found, so a new
 * row cannot make an entry wrong. Instances notify only when what a resolution reads changes (state, blocked,
 * is_default), not on every rename.
 */
export class InstanceAccessNotifications1763896000000 implements MigrationInterface {
  name = 'InstanceAccessNotifications1763896000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_instance_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('instance_access_changed', OLD.instance_id); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('instance_access_changed', NEW.instance_id); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION notify_instance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('instance_access_changed', OLD.id);
        RETURN NULL;
      END $$`);
    for (const table of MEMBER_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_access AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION notify_instance_access_changed()`);
    }
    for (const table of ['tokens', 'users']) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_access AFTER UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION notify_instance_access_changed()`);
    }
    await q.query(`
      CREATE TRIGGER instances_notify_access AFTER UPDATE ON instances FOR EACH ROW
      WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.blocked IS DISTINCT FROM NEW.blocked
            OR OLD.is_default IS DISTINCT FROM NEW.is_default)
      EXECUTE FUNCTION notify_instance_changed()`);
    await q.query(`
      CREATE TRIGGER instances_notify_removed AFTER DELETE ON instances
      FOR EACH ROW EXECUTE FUNCTION notify_instance_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER instances_notify_removed ON instances`);
    await q.query(`DROP TRIGGER instances_notify_access ON instances`);
    for (const table of [...MEMBER_TABLES, 'tokens', 'users']) {
      await q.query(`DROP TRIGGER ${table}_notify_access ON ${table}`);
    }
    await q.query(`DROP FUNCTION notify_instance_changed()`);
    await q.query(`DROP FUNCTION notify_instance_access_changed()`);
  }
}
