import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Every table that holds one instance's rows, with the column naming the instance. */
export const TENANT_TABLES: Readonly<Record<string, string>> = {
  instances: 'id',
  instance_domains: 'instance_id',
  instance_quotas: 'instance_id',
  instance_members: 'instance_id',
  operations: 'instance_id',
  events: 'instance_id',
  outbox_events: 'instance_id',
  orgs: 'instance_id',
  org_members: 'instance_id',
  users: 'instance_id',
  tokens: 'instance_id',
  machine_keys: 'instance_id',
  buckets: 'instance_id',
  bucket_members: 'instance_id',
  labels: 'instance_id',
  bucket_labels: 'instance_id',
};

/**
 * Row-level security on every tenant table. Two permissive policies: a transaction scoped to one instance
 * (`app.instance_id`) sees and writes that instance's rows; a transaction in the system scope
 * (`app.system_scope = 'on'`) sees all. `current_setting(…, true)` is NULL when unset, and a NULL comparison is
 * not true, so a query with no scope sees nothing and writes nothing: the policies fail closed.
 * The tables' owner (who migrates) is exempt as owners are; the service connects as a role that owns nothing.
 */
export class RowLevelSecurity1763892000000 implements MigrationInterface {
  name = 'RowLevelSecurity1763892000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of Object.entries(TENANT_TABLES)) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY instance_scope ON ${table}
          USING (${column} = current_setting('app.instance_id', true))
          WITH CHECK (${column} = current_setting('app.instance_id', true));
        CREATE POLICY system_scope ON ${table}
          USING (current_setting('app.system_scope', true) = 'on')
          WITH CHECK (current_setting('app.system_scope', true) = 'on');`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(TENANT_TABLES)) {
      await q.query(`
        DROP POLICY system_scope ON ${table};
        DROP POLICY instance_scope ON ${table};
        ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY;`);
    }
  }
}
