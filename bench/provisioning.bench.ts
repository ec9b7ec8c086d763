/**
 * `npm run bench`: the figures of issue 12, for one compiled API and ONE compiled worker process on this machine,
 * printed as one table and written to bench/results/ (<timestamp>.md and .json, and latest.md / latest.json).
 *
 * Phases, in order: the crypto ceiling (RSA-2048 key + argon2id hash per instance, 2 × cores lanes, in this process
 * before anything else runs); then on an empty database: idle sync creates one at a time, tenant GET /api/v2/buckets
 * with PATs (concurrent, then serial), a burst of async creates whose clients long-poll `_wait`, and async creates
 * with the worker stopped; then the fleet is seeded straight into the tables, the hot queries' plans are checked, and
 * the same figures are measured again; last, the API's and worker's RSS at idle and after each memory round.
 *
 * Sizes (full / BENCH_SMOKE=1):
 *   BENCH_INSTANCES (200 / 20) creates in the burst, BENCH_CLIENT_CONCURRENCY (20) in flight,
 *   BENCH_WORKER_CONCURRENCY (4), BENCH_CEILING_SECONDS (10 / 3), BENCH_SYNC_CREATES (30 / 5),
 *   BENCH_ACCEPT_ONLY_CREATES (200 / 40; 0 skips), BENCH_TENANT_REQUESTS (5000 / 400) at BENCH_TENANT_CONCURRENCY (20),
 *   BENCH_TENANT_SERIAL_REQUESTS (500 / 50), BENCH_FLEET_INSTANCES (10000 / 2000; 0 skips the seeded set),
 *   BENCH_MEMORY_ROUND (1000 / 20; 0 skips) × BENCH_MEMORY_ROUNDS (3), BENCH_TIMEOUT_SECONDS per phase (600 / 120),
 *   BENCH_READY_TIMEOUT_SECONDS (60).
 * Servers: BENCH_OWNER_DATABASE_URL (else MIGRATION_DATABASE_URL, else postgres://postgres@127.0.0.1:5432; a role
 * that creates the bench database and owns its tables), REDIS_URL. BENCH_RESULTS_DIR (bench/results).
 * HTTP goes to 127.0.0.1 only. Exits 1 unless every create, tenant request and memory round succeeded; goals are
 * judged in the table, not in the exit code.
 */
import 'reflect-metadata';

import { cpus, loadavg } from 'node:os';

import { measureCeiling } from './lib/ceiling';
import { type FigureSet, measureFigureSet, PhaseLog, TENANT_TOKENS } from './lib/figures';
import { type Fleet, seedFleet } from './lib/fleet-seed';
import { measureMemoryRounds, type MemoryFigures } from './lib/memory';
import { checkQueryPlans, describeFindings, type PlanCheck } from './lib/plan-check';
import {
  type BenchReport,
  ceilingFigures,
  isCleanRun,
  machineDescription,
  reportedSettings,
  writeReport,
} from './lib/report';
import { formatReport } from './lib/report-markdown';
import { BenchRun } from './lib/run';
import { readSettings } from './lib/settings';

/** PATs of fleet instances spread over the whole fleet, oldest to newest. */
function fleetPats(fleet: Fleet): string[] {
  const count = Math.min(TENANT_TOKENS, fleet.instances);
  return Array.from({ length: count }, (_, k) => fleet.patOf(1 + Math.floor((k * fleet.instances) / count)));
}

async function benchmark(run: BenchRun): Promise<BenchReport> {
  const { settings } = run;
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg();
  const log = new PhaseLog();
  // The ceiling first, on the quiet machine and in the same run, as the performance goals define it.
  const lanes = 2 * cpus().length;
  const ceiling = await log.run(`ceiling: ${settings.ceilingSeconds} s with ${lanes} lanes`, () =>
    measureCeiling(lanes, settings.ceilingSeconds),
  );
  const client = await log.run(`start API and worker (database ${run.database.name})`, () => run.startServices());
  const empty = await measureFigureSet(run, client, log, 'empty', ceiling.pairsPerSecond);

  let fleet: Fleet | null = null;
  let seeded: FigureSet | null = null;
  let planCheck: PlanCheck | null = null;
  if (settings.fleetInstances > 0) {
    fleet = await log.run(`seed ${settings.fleetInstances} instances`, () =>
      seedFleet(run.database.url, settings.fleetInstances),
    );
    planCheck = await log.run('plan check', () => checkQueryPlans(run.database.url));
    if (planCheck.findings.length > 0) console.error(describeFindings(planCheck));
    seeded = await measureFigureSet(run, client, log, 'seeded', ceiling.pairsPerSecond, fleetPats(fleet));
  }
  const memory: MemoryFigures | null = settings.memoryRound > 0 ? await measureMemoryRounds(run, client, log) : null;
  await run.stopServices();
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    smoke: settings.smoke,
    machine: machineDescription(loadAverageAtStart),
    settings: reportedSettings(settings),
    ceiling: ceilingFigures(ceiling),
    empty,
    seeded,
    fleet: fleet && { instances: fleet.instances, seconds: Math.round(fleet.seconds * 10) / 10 },
    planCheck: planCheck && {
      checked: planCheck.checked,
      findings: planCheck.findings.map(({ plan: _plan, ...finding }) => finding),
    },
    memory,
    phases: log.phases,
    problems: [...empty.problems, ...(seeded?.problems ?? []), ...(memory?.problems ?? [])],
  };
}

async function main(): Promise<void> {
  const run = new BenchRun(readSettings());
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`[bench] ${signal}: cleaning up`);
    void run.cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let clean = false;
  try {
    const report = await benchmark(run);
    const markdown = formatReport(report);
    const written = writeReport(run.settings.resultsDirectory, report, markdown);
    console.log(`\n${markdown}\n\nwritten to ${written.join(', ')}`);
    clean = isCleanRun(report);
    if (!clean) console.error('FAILED: not every create, tenant request or memory round succeeded (see Problems)');
  } catch (error) {
    console.error(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  } finally {
    await run.cleanUp();
  }
  process.exit(clean ? 0 : 1);
}

void main();
