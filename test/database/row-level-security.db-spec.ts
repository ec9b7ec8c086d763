import { Client } from 'pg';

import { TENANT_TABLES } from '../../libs/persistence/src/migrations/1763892000000-row-level-security';
import { newId, RepositoryHarness, type SeededInstance } from '../support/repository-harness';

/**
 * Isolation as the database enforces it, whatever the SQL says. Every query here deliberately omits the
 * instance filter: row-level security, not a WHERE clause, is what stops it.
 */
describe('row-level security on every tenant table', () => {
  let harness: RepositoryHarness;
  let a: SeededInstance;
  let b: SeededInstance;
  const tables = Object.entries(TENANT_TABLES);

  beforeAll(async () => {
    harness = await RepositoryHarness.start();
    a = await harness.seedInstance();
    b = await harness.seedInstance();
  });
  afterAll(() => harness.stop());

  it('covers every table that has an instance column, and policies are on', async () => {
    const withInstanceColumn = await harness.owner<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'instance_id' ORDER BY 1`,
    );
    for (const { table_name } of withInstanceColumn) expect(Object.keys(TENANT_TABLES)).toContain(table_name);
    const secured = await harness.owner<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relrowsecurity AND relnamespace = 'public'::regnamespace ORDER BY 1`,
    );
    expect(secured.map((r) => r.relname).sort()).toEqual(Object.keys(TENANT_TABLES).sort());
    // the seed wrote a row of each instance into every tenant table
    for (const [table] of tables) {
      const [{ n }] = await harness.owner<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: 2 });
    }
  });

  it.each(tables)(
    '%s: an instance scope sees only its own rows, with no filter in the query',
    async (table, column) => {
      const seen = await harness.tenant.withInstance(a.instanceId, (tx) =>
        tx.rows<{ owner: string }>(`SELECT ${column} AS owner FROM ${table}`),
      );
      expect(seen.map((r) => r.owner)).toEqual([a.instanceId]);
    },
  );

  it.each(tables)('%s: an instance scope cannot change or delete another instance rows', async (table, column) => {
    const [updated, deleted] = await harness.tenant.withInstance(a.instanceId, async (tx) => [
      await tx.execute(`UPDATE ${table} SET ${column} = ${column} WHERE ${column} = $1`, [b.instanceId]),
      await tx.execute(`DELETE FROM ${table} WHERE ${column} = $1`, [b.instanceId]),
    ]);
    expect([updated, deleted]).toEqual([0, 0]);
    const [{ n }] = await harness.owner<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [
      b.instanceId,
    ]);
    expect(n).toBe(1);
  });

  it('an instance scope cannot write a row into another instance', async () => {
    const write = harness.tenant.withInstance(a.instanceId, (tx) =>
      tx.insert('events', {
        instance_id: b.instanceId,
        aggregate_type: 'instance',
        aggregate_id: b.instanceId,
        event_type: 'forged',
        payload: {},
        resource_owner: b.instanceId,
        created_at: new Date(),
      }),
    );
    await expect(write).rejects.toThrow(/row-level security/);
    await expect(
      harness.tenant.withInstance(a.instanceId, (tx) =>
        tx.execute('UPDATE orgs SET instance_id = $1 WHERE id = $2', [b.instanceId, a.orgId]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it.each(tables)('%s: a query with no scope sees nothing and changes nothing (fail closed)', async (table) => {
    const client = new Client({ connectionString: harness.db.applicationUrl });
    await client.connect();
    try {
      expect((await client.query(`SELECT * FROM ${table}`)).rowCount).toBe(0);
      expect((await client.query(`DELETE FROM ${table}`)).rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('the system scope sees every instance, and the scope ends with its transaction', async () => {
    const all = await harness.system.run((tx) => tx.rows<{ id: string }>('SELECT id FROM instances ORDER BY id'));
    expect(all.map((r) => r.id)).toEqual([a.instanceId, b.instanceId].sort());
    // the pool hands the same few connections out again: none may keep a scope from an earlier transaction
    const client = new Client({ connectionString: harness.db.applicationUrl });
    await client.connect();
    try {
      await client.query(`BEGIN; SELECT set_config('app.instance_id', '${a.instanceId}', true); COMMIT;`);
      expect((await client.query('SELECT id FROM instances')).rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('the system pool sees every instance statement by statement; a connection of the application pool sees none', async () => {
    const all = await harness.system.statement((sql) =>
      sql.rows<{ id: string }>('SELECT id FROM instances ORDER BY id'),
    );
    expect(all.map((r) => r.id)).toEqual([a.instanceId, b.instanceId].sort());
    const none = await harness.dataSource.query('SELECT id FROM instances');
    expect(none).toEqual([]);
    // the scope of the system pool is its connections' own: the application role's other connections never get it
    const client = new Client({ connectionString: harness.db.applicationUrl });
    await client.connect();
    try {
      expect((await client.query(`SELECT current_setting('app.system_scope', true) AS s`)).rows[0].s).toBeFalsy();
    } finally {
      await client.end();
    }
  });

  it('the application role can neither become another role nor shed row-level security', async () => {
    const client = new Client({ connectionString: harness.db.applicationUrl });
    await client.connect();
    try {
      await expect(client.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
      await expect(client.query('SET row_security = off; SELECT * FROM instances')).rejects.toThrow(
        /row-level security/,
      );
      await client.query('RESET ALL');
      expect((await client.query('SELECT * FROM users')).rowCount).toBe(0);
      await expect(client.query('ALTER TABLE users DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
      await expect(client.query('DROP POLICY instance_scope ON users')).rejects.toThrow(/must be owner/);
      const [role] = (
        await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
          'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
        )
      ).rows;
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    } finally {
      await client.end();
    }
  });

  it('an unknown instance scope sees nothing at all', async () => {
    const seen = await harness.tenant.withInstance(newId(), (tx) => tx.rows('SELECT * FROM users'));
    expect(seen).toEqual([]);
  });
});
