import { Client } from 'pg';

import { HOT_QUERIES, type HotQuery, type QuerySample } from './hot-queries';

/** Tables whose rows belong to instances: they grow with the fleet, so a hot query must never scan one whole. */
export const TENANT_TABLES = new Set([
  'instances',
  'instance_domains',
  'instance_quotas',
  'operations',
  'events',
  'orgs',
  'users',
  'org_members',
  'instance_members',
  'tokens',
  'machine_keys',
  'buckets',
  'labels',
  'bucket_labels',
  'bucket_members',
  'outbox_events',
]);

export interface PlanFinding {
  query: string;
  source: string;
  /** Tenant tables the plan reads with a Seq Scan. */
  seqScans: string[];
  /** The plan's text, for the report of a failing query. */
  plan: string;
}

export interface PlanCheck {
  checked: number;
  findings: PlanFinding[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** Every relation the plan (and its sub-plans, InitPlans, SubPlans) reads with a Seq Scan. */
export function seqScannedRelations(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScannedRelations)];
}

/**
 * One instance of the database (the one with the median id, so neither the newest nor the oldest) with its org, a
 * user, a bucket, its PAT digest, a domain and its create operation.
 */
export async function pickSample(client: Client): Promise<QuerySample> {
  const { rows } = await client.query<QuerySample>(`
    WITH chosen AS (
      SELECT id FROM instances WHERE NOT is_default AND EXISTS (SELECT 1 FROM tokens t WHERE t.instance_id = instances.id)
       ORDER BY id OFFSET (SELECT count(*) / 2 FROM instances) LIMIT 1)
    SELECT c.id AS "instanceId", o.id AS "orgId", u.id AS "userId", u.name AS "userName", b.id AS "bucketId",
           t.digest AS "tokenDigest", d.domain, op.id AS "operationId", op.created_by AS "createdBy"
      FROM chosen c
      JOIN LATERAL (SELECT id FROM orgs WHERE instance_id = c.id LIMIT 1) o ON true
      JOIN LATERAL (SELECT id, name FROM users WHERE instance_id = c.id AND kind = 'human' LIMIT 1) u ON true
      JOIN LATERAL (SELECT id FROM buckets WHERE instance_id = c.id LIMIT 1) b ON true
      JOIN LATERAL (SELECT digest FROM tokens WHERE instance_id = c.id LIMIT 1) t ON true
      JOIN LATERAL (SELECT domain FROM instance_domains WHERE instance_id = c.id LIMIT 1) d ON true
      JOIN LATERAL (SELECT id, created_by FROM operations WHERE instance_id = c.id LIMIT 1) op ON true`);
  if (rows.length === 0) throw new Error('the plan check needs at least one provisioned instance with a PAT');
  return rows[0];
}

async function explain(client: Client, query: HotQuery, sample: QuerySample): Promise<PlanFinding> {
  const params = query.params(sample);
  // EXPLAIN without ANALYZE plans the statement with these values (a custom plan, as the service's unnamed
  // statements get) and runs nothing, so the UPDATE and DELETE entries change no row.
  const [json, text] = await Promise.all([
    client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${query.sql}`, params),
    client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, params),
  ]);
  const seqScans = seqScannedRelations(json.rows[0]['QUERY PLAN'][0].Plan).filter((t) => TENANT_TABLES.has(t));
  return {
    query: query.name,
    source: query.source,
    seqScans,
    plan: text.rows.map((r) => r['QUERY PLAN']).join('\n'),
  };
}

/**
 * Plans every hot query on the database at `url` (as it is: seed it and ANALYZE first) and returns those that read a
 * tenant table with a Seq Scan.
 */
export async function checkQueryPlans(url: string, queries: HotQuery[] = HOT_QUERIES): Promise<PlanCheck> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sample = await pickSample(client);
    const findings: PlanFinding[] = [];
    for (const query of queries) {
      const result = await explain(client, query, sample);
      if (result.seqScans.length > 0) findings.push(result);
    }
    return { checked: queries.length, findings };
  } finally {
    await client.end();
  }
}

export function describeFindings(check: PlanCheck): string {
  return check.findings
    .map((f) => `Seq Scan on ${f.seqScans.join(', ')} in "${f.query}" (${f.source}):\n${f.plan}`)
    .join('\n\n');
}
