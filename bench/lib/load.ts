import { type JsonClient } from './http';
import { type BenchDatabase } from './services';
import { runBounded, sleep } from './stats';

/** One `_create` as the client saw it. */
export interface Accepted {
  index: number;
  /** Wall clock (ms since epoch) just before the request was sent: comparable with the database's finished_at. */
  sentAt: number;
  acceptMs: number;
  operationId: string;
}

export interface Rejected {
  index: number;
  status: number;
  detail: string;
}

export interface OperationRow {
  id: string;
  state: string;
  created_at: Date;
  finished_at: Date | null;
}

const TERMINAL_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
const POLL_INTERVAL_MS = 500;

/** A full CreateInstance body (as test/support/system-api.ts's fullCreateRequest): human with password, machine with PAT and key. */
export function createInstanceBody(runId: string, index: number): object {
  const suffix = `${runId}-${index}`;
  return {
    instanceName: `Bench ${suffix}`,
    firstOrgName: `Bench Org ${suffix}`,
    customDomain: `bench-${suffix}.example.com`,
    human: {
      userName: `alice-${suffix}`,
      email: { email: `alice-${suffix}@example.com`, isEmailVerified: true },
      profile: { firstName: 'Alice', lastName: 'Admin', preferredLanguage: 'en' },
      password: { password: `Pw-${suffix}-s3cret!`, passwordChangeRequired: false },
    },
    machine: {
      userName: `robot-${suffix}`,
      name: 'Provisioning robot',
      personalAccessToken: { expirationDate: '2519-04-01T08:45:00Z' },
      machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2519-04-01T08:45:00Z' },
    },
    defaultLanguage: 'en',
  };
}

/** Sends `count` asynchronous `_create` calls, at most `concurrency` in flight, timing each until its 202. */
export async function sendCreates(
  client: JsonClient,
  runId: string,
  count: number,
  concurrency: number,
): Promise<{ accepted: Accepted[]; rejected: Rejected[] }> {
  const accepted: Accepted[] = [];
  const rejected: Rejected[] = [];
  await runBounded(count, concurrency, async (index) => {
    const sentAt = Date.now();
    const started = performance.now();
    try {
      const answer = await client.send('POST', '/system/v1/instances/_create', createInstanceBody(runId, index), {
        prefer: 'respond-async',
      });
      const acceptMs = performance.now() - started;
      const operationId = (answer.body as { id?: unknown } | undefined)?.id;
      if (answer.status === 202 && typeof operationId === 'string')
        accepted.push({ index, sentAt, acceptMs, operationId });
      else rejected.push({ index, status: answer.status, detail: JSON.stringify(answer.body).slice(0, 300) });
    } catch (error) {
      rejected.push({ index, status: 0, detail: error instanceof Error ? error.message : String(error) });
    }
  });
  return { accepted, rejected };
}

/** Reads the operations table until every one of `ids` is finished or the deadline passes; returns their rows. */
export async function waitForOperations(
  database: BenchDatabase,
  ids: string[],
  deadline: number,
  assertAlive: () => void,
): Promise<OperationRow[]> {
  for (;;) {
    assertAlive();
    const [{ finished }] = await database.query<{ finished: number }>(
      'SELECT count(*)::int AS finished FROM operations WHERE id = ANY($1) AND state = ANY($2)',
      [ids, TERMINAL_STATES],
    );
    if (finished >= ids.length || Date.now() > deadline) break;
    await sleep(POLL_INTERVAL_MS);
  }
  return database.query<OperationRow>('SELECT id, state, created_at, finished_at FROM operations WHERE id = ANY($1)', [
    ids,
  ]);
}
