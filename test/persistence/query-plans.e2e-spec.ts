import { Client } from 'pg';

import { type Fleet, FLEET_TABLES, seedFleet } from '../../bench/lib/fleet-seed';
import { checkQueryPlans, describeFindings } from '../../bench/lib/plan-check';
import { databaseUrlFor } from '../support/services';
import { fullCreateRequest, http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/** Enough rows that a missing index shows as a Seq Scan (small tables are scanned whole, rightly). */
const FLEET_SIZE = 2000;

/** Columns whose values (not only their types) must match: they say what kind of row it is. */
const DISCRIMINATORS = new Set([
  'kind',
  'type',
  'role',
  'state',
  'status',
  'event_type',
  'aggregate_type',
  'is_generated',
  'is_primary',
  'is_default',
  'blocked',
  'email_verified',
  'password_change_required',
  'schema_type',
  'retention_seconds',
  'shard_group_duration_seconds',
  'current_step',
  'completed_steps',
  'total_steps',
  'attempts',
]);
/** A real operation keeps its sealed secrets for SECRET_RETENTION_SECONDS; the fleet is older, so they are erased. */
const IGNORED = new Set(['operations.sealed_secrets', 'operations.secrets_expire_at']);

/** The type structure of a value: JSON objects by their keys, arrays element by element, leaves by their type. */
function shape(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return value.map(shape);
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return typeof value;
}

/**
 * Per table that holds instance rows (every table with an instance_id column, and instances), the sorted signatures
 * (columns, discriminating values, shapes of the rest) of one instance's rows.
 */
async function rowShapes(client: Client, instanceId: string): Promise<Record<string, string[]>> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'instance_id'
     UNION SELECT 'instances' ORDER BY 1`,
  );
  const shapes: Record<string, string[]> = {};
  for (const { table_name: table } of tables) {
    const key = table === 'instances' ? 'id' : 'instance_id';
    const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE ${key} = $1`, [
      instanceId,
    ]);
    shapes[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .filter((column) => !IGNORED.has(`${table}.${column}`))
            .sort()
            .map((column) => [column, DISCRIMINATORS.has(column) ? row[column] : shape(row[column])]),
        ),
      )
      .sort();
  }
  return shapes;
}

describe('fleet seeding and the plans of the hot queries', () => {
  let stack: TestStack;
  let owner: Client;
  let fleet: Fleet;
  let realInstanceId: string;

  beforeAll(async () => {
    stack = await TestStack.start();
    // As the bench does: seeding and EXPLAIN as the tables' owner, whatever role the service connects as.
    owner = new Client({ connectionString: databaseUrlFor(stack.db.name) });
    await owner.connect();
    const created = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: fullCreateRequest('plans'),
    });
    expect(created.status).toBe(200);
    realInstanceId = created.body.instanceId;
    // the relay marks the outbox events dispatched shortly after the commit, as the fleet's are
    await until('outbox events dispatched', async () => {
      const { rows } = await owner.query(
        'SELECT 1 FROM outbox_events WHERE instance_id = $1 AND dispatched_at IS NULL',
        [realInstanceId],
      );
      return rows.length === 0;
    });
    fleet = await seedFleet(databaseUrlFor(stack.db.name), FLEET_SIZE, { baseDomain: 'test.localhost' });
  }, 120_000);

  afterAll(async () => {
    await owner?.end();
    await stack?.stop();
  });

  it('writes, per instance, the rows a real provisioning writes (same tables, kinds, columns and JSON shapes)', async () => {
    const [{ id: seededId }] = (
      await owner.query<{ id: string }>(
        `SELECT instance_id AS id FROM tokens WHERE digest = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [fleet.patOf(7)],
      )
    ).rows;
    const real = await rowShapes(owner, realInstanceId);
    expect(real.events).toHaveLength(12);
    // the tables the fleet writes are exactly those a real provisioning writes
    expect(Object.keys(real).filter((table) => real[table].length > 0)).toEqual([...FLEET_TABLES].sort());
    expect(await rowShapes(owner, seededId)).toEqual(real);
  });

  it("gives every seeded instance a working PAT: the tenant API lists that instance's buckets", async () => {
    const answer = await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
      token: null,
      headers: { authorization: `Token ${fleet.patOf(FLEET_SIZE)}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.buckets.map((b: { name: string }) => b.name).sort()).toEqual([
      '_monitoring',
      '_tasks',
      'default',
    ]);
  });

  it('plans no hot query with a Seq Scan of a tenant table', async () => {
    const check = await checkQueryPlans(databaseUrlFor(stack.db.name));
    expect(check.checked).toBeGreaterThan(20);
    if (check.findings.length > 0) throw new Error(describeFindings(check));
  });

  // Last: it drops an index of this file's database.
  it('fails when an index a hot query needs is missing', async () => {
    await owner.query('DROP INDEX tokens_digest_key');
    await owner.query('ANALYZE tokens');
    const check = await checkQueryPlans(databaseUrlFor(stack.db.name));
    expect(check.findings.map((f) => [f.query, f.seqScans])).toEqual([
      ['token by digest (every tenant request with a token)', ['tokens']],
    ]);
  });
});
