import { loadavg } from 'node:os';

import { type JsonClient } from './http';
import {
  acceptOnlyBurst,
  cancelOperations,
  createAndWaitBurst,
  type CreateBatch,
  problemsOf,
  replayAccepts,
  syncCreatesOneByOne,
} from './load';
import { type BenchRun } from './run';
import { percentile, round } from './stats';
import { measureTenantBuckets, type TenantFigures } from './tenant';

export interface IdleSyncFigures {
  creates: number;
  succeeded: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface BurstFigures {
  instances: number;
  concurrency: number;
  succeeded: number;
  seconds: number | null;
  instancesPerSecond: number | null;
  /** instancesPerSecond ÷ the ceiling's pairs/s, measured in the same run. */
  ratioToCeiling: number | null;
  acceptP50Ms: number | null;
  acceptP99Ms: number | null;
  endToEndP50Ms: number | null;
  endToEndP99Ms: number | null;
}

export interface AcceptOnlyFigures {
  /** The burst's creates sent again at the burst's own send times (issue 12's "with the worker on other cores"). */
  replayed: { creates: number; accepted: number; p50Ms: number | null; p99Ms: number | null };
  /** Back to back with `concurrency` in flight: how many accepts per second the API alone answers, and how fast. */
  capacity: {
    creates: number;
    concurrency: number;
    accepted: number;
    perSecond: number | null;
    p50Ms: number | null;
    p99Ms: number | null;
  };
}

/** The figures of issue 12 on one state of the database. */
export interface FigureSet {
  database: 'empty' | 'seeded';
  instancesAtStart: number;
  idleSync: IdleSyncFigures;
  tenant: TenantFigures;
  burst: BurstFigures;
  acceptWorkerStopped: AcceptOnlyFigures | null;
  /** The first few calls that did not end as they should (each phase's), for the report. */
  problems: string[];
}

export interface PhaseRecord {
  name: string;
  startedAtSeconds: number;
  seconds: number;
  loadAverage1m: number;
}

/** Runs and times the bench's phases, noting the machine's load as each one begins. */
export class PhaseLog {
  readonly phases: PhaseRecord[] = [];
  private readonly origin = performance.now();

  async run<T>(name: string, phase: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const loadAverage1m = round(loadavg()[0], 2) ?? 0;
    console.error(`[bench] ${name} (load ${loadAverage1m})`);
    try {
      return await phase();
    } finally {
      this.phases.push({
        name,
        startedAtSeconds: round((started - this.origin) / 1000) ?? 0,
        seconds: round((performance.now() - started) / 1000) ?? 0,
        loadAverage1m,
      });
    }
  }
}

const MAX_PROBLEMS_PER_PHASE = 3;
/** A few PATs are enough to show that the requests are not served from one instance's cached rows. */
export const TENANT_TOKENS = 20;

function noteProblems(problems: string[], phase: string, batch: CreateBatch): void {
  for (const call of problemsOf(batch).slice(0, MAX_PROBLEMS_PER_PHASE))
    problems.push(`${phase} #${call.index}: ${call.state} ${call.problem}`);
}

const msOf = (values: number[], p: number) => round(percentile(values, p));
const acceptedMs = (batch: CreateBatch) => batch.calls.flatMap((c) => (c.operationId ? [c.answerMs] : []));

function burstFigures(batch: CreateBatch, concurrency: number, ceilingPairsPerSecond: number): BurstFigures {
  const succeeded = batch.calls.filter((c) => c.state === 'SUCCEEDED' && c.finishedAt !== undefined);
  const lastFinish = Math.max(...succeeded.map((c) => c.finishedAt ?? 0));
  const seconds = succeeded.length > 0 ? (lastFinish - batch.startedAt) / 1000 : null;
  const perSecond = seconds ? succeeded.length / seconds : null;
  const accepted = batch.calls.filter((c) => c.operationId !== undefined);
  const endToEnd = succeeded.map((c) => (c.finishedAt ?? 0) - c.startedAt);
  return {
    instances: batch.calls.length,
    concurrency,
    succeeded: succeeded.length,
    seconds: round(seconds),
    instancesPerSecond: round(perSecond, 2),
    ratioToCeiling:
      perSecond !== null && ceilingPairsPerSecond > 0 ? round(perSecond / ceilingPairsPerSecond, 2) : null,
    acceptP50Ms: msOf(
      accepted.map((c) => c.answerMs),
      50,
    ),
    acceptP99Ms: msOf(
      accepted.map((c) => c.answerMs),
      99,
    ),
    endToEndP50Ms: round(percentile(endToEnd, 50), 0),
    endToEndP99Ms: round(percentile(endToEnd, 99), 0),
  };
}

/** Whether every phase of the set did all it was asked. */
export function isCleanSet(set: FigureSet): boolean {
  return (
    set.idleSync.succeeded === set.idleSync.creates &&
    set.burst.succeeded === set.burst.instances &&
    set.tenant.errors === 0 &&
    (set.acceptWorkerStopped === null ||
      (set.acceptWorkerStopped.replayed.accepted === set.acceptWorkerStopped.replayed.creates &&
        set.acceptWorkerStopped.capacity.accepted === set.acceptWorkerStopped.capacity.creates))
  );
}

/**
 * Measures one set of figures, quietest first: idle sync creates one at a time, the tenant GETs (with `tenantPats`,
 * or the PATs the sync creates returned), the create burst with long-polling clients, and last the accepts with the
 * worker stopped (their operations are cancelled before a new worker starts).
 */
export async function measureFigureSet(
  run: BenchRun,
  client: JsonClient,
  log: PhaseLog,
  database: FigureSet['database'],
  ceilingPairsPerSecond: number,
  tenantPats?: string[],
): Promise<FigureSet> {
  const { settings, runId } = run;
  const tag = `${runId}-${database[0]}`;
  const problems: string[] = [];
  const [{ count: instancesAtStart }] = await run.database.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM instances',
  );
  const deadline = () => Date.now() + settings.provisioningTimeoutSeconds * 1000;

  if (settings.keyPoolSize > 0) await log.run(`${database}: fill the machine key pool`, () => run.waitForFullKeyPool());
  const sync = await log.run(`${database}: ${settings.syncCreates} idle sync creates`, async () => {
    // One unmeasured create first: the first call of a process pays for lazy loading, not for its work.
    noteProblems(problems, 'warm-up create', await syncCreatesOneByOne(client, `${tag}-w`, 1));
    return syncCreatesOneByOne(client, `${tag}-s`, settings.syncCreates);
  });
  noteProblems(problems, 'sync create', sync);
  const syncMs = sync.calls.filter((c) => c.state === 'SUCCEEDED').map((c) => c.answerMs);
  const idleSync = {
    creates: sync.calls.length,
    succeeded: syncMs.length,
    p50Ms: msOf(syncMs, 50),
    p90Ms: msOf(syncMs, 90),
  };

  // The sync creates took pairs from the pool; its refill would otherwise make key pairs during the tenant requests.
  if (settings.keyPoolSize > 0)
    await log.run(`${database}: refill the machine key pool`, () => run.waitForFullKeyPool());
  const pats = tenantPats ?? sync.calls.flatMap((c) => (c.pat ? [c.pat] : [])).slice(0, TENANT_TOKENS);
  const tenant = await log.run(`${database}: ${settings.tenantRequests} tenant GET /api/v2/buckets`, () =>
    measureTenantBuckets(
      client,
      pats,
      settings.tenantRequests,
      settings.tenantConcurrency,
      settings.tenantSerialRequests,
    ),
  );
  if (tenant.firstError) problems.push(`tenant GET: ${tenant.errors} errors, first ${tenant.firstError}`);

  // Sustained throughput: no pair made ahead (a pool would serve the first creates of the burst from pairs made
  // before it, flattering the rate); the accept phase below starts the worker again with the pool.
  if (settings.keyPoolSize > 0)
    await log.run(`${database}: worker restarted without the key pool`, () => run.restartWorker(0));
  const burstBatch = await log.run(`${database}: burst of ${settings.instances} creates`, () =>
    createAndWaitBurst(client, `${tag}-b`, settings.instances, settings.clientConcurrency, deadline()),
  );
  noteProblems(problems, 'burst create', burstBatch);
  const burst = burstFigures(burstBatch, settings.clientConcurrency, ceilingPairsPerSecond);

  let acceptWorkerStopped: AcceptOnlyFigures | null = null;
  if (settings.acceptOnlyCreates > 0) {
    acceptWorkerStopped = await log.run(
      `${database}: the burst's accepts replayed and ${settings.acceptOnlyCreates} back to back, worker stopped`,
      async () => {
        await run.stopWorker();
        const replay = await replayAccepts(client, `${tag}-r`, burstBatch);
        noteProblems(problems, 'accept replayed (worker stopped)', replay);
        const back = await acceptOnlyBurst(client, `${tag}-a`, settings.acceptOnlyCreates, settings.clientConcurrency);
        noteProblems(problems, 'accept back to back (worker stopped)', back);
        const replayedMs = acceptedMs(replay);
        const backMs = acceptedMs(back);
        const accepted = [...replay.calls, ...back.calls].flatMap((c) => (c.operationId ? [c.operationId] : []));
        await cancelOperations(client, accepted, settings.clientConcurrency);
        await run.startWorker();
        return {
          replayed: {
            creates: replay.calls.length,
            accepted: replayedMs.length,
            p50Ms: msOf(replayedMs, 50),
            p99Ms: msOf(replayedMs, 99),
          },
          capacity: {
            creates: back.calls.length,
            concurrency: settings.clientConcurrency,
            accepted: backMs.length,
            perSecond: round((backMs.length / (back.endedAt - back.startedAt)) * 1000, 0),
            p50Ms: msOf(backMs, 50),
            p99Ms: msOf(backMs, 99),
          },
        };
      },
    );
  }
  return { database, instancesAtStart, idleSync, tenant, burst, acceptWorkerStopped, problems };
}
