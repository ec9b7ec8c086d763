import { TENANT_TABLES } from '../../libs/persistence/src/migrations/1763892000000-row-level-security';
import { type RepositoryHarness } from './repository-harness';

/**
 * Every row one instance has, table by table, as a row count and a digest of the rows' text, read as the owner
 * (no row-level security). Two equal fingerprints mean nothing of the instance was added, changed or removed:
 * isolation tests take one of the other instance before and after.
 */
export async function instanceFingerprint(
  harness: RepositoryHarness,
  instanceId: string,
): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const [table, column] of Object.entries(TENANT_TABLES)) {
    const [row] = await harness.owner<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t WHERE ${column} = $1`,
      [instanceId],
    );
    fingerprint[table] = `${row.n}:${row.digest ?? '-'}`;
  }
  return fingerprint;
}

/** The events of one instance in the order they were written, read as the owner. */
export function eventsOf(
  harness: RepositoryHarness,
  instanceId: string,
): Promise<
  { aggregate_type: string; aggregate_id: string; event_type: string; payload: unknown; resource_owner: string }[]
> {
  return harness.owner(
    `SELECT aggregate_type, aggregate_id, event_type, payload, resource_owner FROM events WHERE instance_id = $1 ORDER BY sequence`,
    [instanceId],
  );
}
