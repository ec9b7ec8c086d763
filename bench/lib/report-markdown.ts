import { APPLICATION_ROLE } from '@app/infrastructure/config/database-url';

import { type FigureSet } from './figures';
import { type BenchReport, machineWasBusy } from './report';

/** Issue 12's bound between the seeded and the empty database: every figure within 1.1× of the empty run's. */
const FLEET_FACTOR = 1.1;
/** "No growth round to round" allows for the noise of a garbage-collected heap: at most this many percent. */
export const MEMORY_GROWTH_PERCENT = 5;

interface Row {
  figure: string;
  goal: string;
  /** Whether the value meets the goal; absent for figures shown for context only. */
  meets?: (value: number) => boolean;
  value: (set: FigureSet) => number | null;
  unit: string;
  better: 'higher' | 'lower';
  context?: (set: FigureSet) => string;
}

const ROWS: Row[] = [
  {
    figure: 'throughput ÷ crypto ceiling (async creates, long-polled `_wait`)',
    goal: '≥ 0.85',
    meets: (v) => v >= 0.85,
    value: (s) => s.burst.ratioToCeiling,
    unit: '',
    better: 'higher',
    context: (s) => `${s.burst.instancesPerSecond ?? 'n/a'} instances/s, ${s.burst.concurrency} in flight`,
  },
  {
    figure: 'idle sync `_create` p50 (one at a time)',
    goal: '≤ 100 ms',
    meets: (v) => v <= 100,
    value: (s) => s.idleSync.p50Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'idle sync `_create` p90',
    goal: '≤ 150 ms',
    meets: (v) => v <= 150,
    value: (s) => s.idleSync.p90Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'accept latency during the burst, p50',
    goal: '',
    value: (s) => s.burst.acceptP50Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'accept latency during the burst, p99',
    goal: '≤ 200 ms',
    meets: (v) => v <= 200,
    value: (s) => s.burst.acceptP99Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: "accept latency, worker stopped, the burst's arrivals replayed, p50",
    goal: '',
    value: (s) => s.acceptWorkerStopped?.replayed.p50Ms ?? null,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: "accept latency, worker stopped, the burst's arrivals replayed, p99",
    goal: '≤ 20 ms',
    meets: (v) => v <= 20,
    value: (s) => s.acceptWorkerStopped?.replayed.p99Ms ?? null,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'accept capacity, worker stopped (back to back), accepts/s',
    goal: '',
    value: (s) => s.acceptWorkerStopped?.capacity.perSecond ?? null,
    unit: '/s',
    better: 'higher',
    context: (s) => `${s.acceptWorkerStopped?.capacity.concurrency ?? 'n/a'} in flight`,
  },
  {
    figure: 'accept latency, worker stopped (back to back), p99',
    goal: '',
    value: (s) => s.acceptWorkerStopped?.capacity.p99Ms ?? null,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'tenant `GET /api/v2/buckets` (PAT), req/s',
    goal: '≥ 1,500 req/s',
    meets: (v) => v >= 1500,
    value: (s) => s.tenant.requestsPerSecond,
    unit: ' req/s',
    better: 'higher',
    context: (s) => `${s.tenant.concurrency} in flight, ${s.tenant.tokens} PATs`,
  },
  {
    figure: 'tenant `GET /api/v2/buckets`, p99',
    goal: '≤ 50 ms',
    meets: (v) => v <= 50,
    value: (s) => s.tenant.p99Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'tenant `GET /api/v2/buckets`, serial p50',
    goal: '',
    value: (s) => s.tenant.serialP50Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'end-to-end during the burst, p50',
    goal: '',
    value: (s) => s.burst.endToEndP50Ms,
    unit: ' ms',
    better: 'lower',
  },
  {
    figure: 'end-to-end during the burst, p99',
    goal: '',
    value: (s) => s.burst.endToEndP99Ms,
    unit: ' ms',
    better: 'lower',
  },
];

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const number = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

function cell(row: Row, set: FigureSet | null): string {
  if (!set) return '—';
  const value = row.value(set);
  if (value === null) return 'n/a';
  const verdict = row.meets ? ` ${mark(row.meets(value))}` : '';
  return `${number(value)}${row.unit}${verdict}${row.context ? ` (${row.context(set)})` : ''}`;
}

function ratioCell(row: Row, report: BenchReport): string {
  const [empty, seeded] = [row.value(report.empty), report.seeded ? row.value(report.seeded) : null];
  if (empty === null || seeded === null || empty === 0) return '—';
  const ratio = seeded / empty;
  const within = row.better === 'lower' ? ratio <= FLEET_FACTOR : ratio >= 1 / FLEET_FACTOR;
  return `${ratio.toFixed(2)} ${mark(within)}`;
}

function memoryTable(report: BenchReport): string[] {
  const { memory } = report;
  if (!memory) return ['Memory: not measured (BENCH_MEMORY_ROUND=0).'];
  const growth = (v: number | null) => (v === null ? 'n/a' : `${v}% ${mark(v <= MEMORY_GROWTH_PERCENT)}`);
  const mib = (v: number | null) => (v === null ? 'n/a' : `${v} MiB`);
  return [
    `Memory (RSS from /proc/<pid>/status): rounds of ${number(memory.roundSize)} async creates, ` +
      `${report.settings.clientConcurrency} in flight; goal: no growth round to round (≤ ${MEMORY_GROWTH_PERCENT}% allowed for GC noise).`,
    '',
    `| process | ${memory.readings.map((r) => r.label).join(' | ')} | worst round-to-round growth |`,
    `|---|${memory.readings.map(() => '---|').join('')}---|`,
    `| API | ${memory.readings.map((r) => mib(r.apiMiB)).join(' | ')} | ${growth(memory.worstRoundGrowthPercent.api)} |`,
    `| worker | ${memory.readings.map((r) => mib(r.workerMiB)).join(' | ')} | ${growth(memory.worstRoundGrowthPercent.worker)} |`,
  ];
}

function planLine(report: BenchReport): string {
  const check = report.planCheck;
  if (!check) return 'Plan check: not run (no fleet).';
  if (check.findings.length === 0)
    return `Plan check (EXPLAIN on the seeded database): none of ${check.checked} hot queries scans a tenant table whole ✓`;
  const list = check.findings.map((f) => `"${f.query}" (Seq Scan on ${f.seqScans.join(', ')})`).join('; ');
  return `Plan check (EXPLAIN on the seeded database): ${check.findings.length} of ${check.checked} hot queries scan a tenant table whole ✗: ${list}`;
}

/** The one table of issue 12, with the machine, the ceiling, the memory rounds, the plan check and the phases. */
export function formatReport(report: BenchReport): string {
  const { machine, ceiling, fleet } = report;
  const seededHeader = fleet ? `${number(fleet.instances)} instances seeded` : 'seeded (not run)';
  const lines = [
    `# Provisioning benchmark, ${report.startedAt}${report.smoke ? ' (SMOKE run: sizes too small to judge)' : ''}`,
    '',
    `- Machine: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}, ${machine.os}`,
    `- Load average at start: ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min)` +
      (machineWasBusy(machine) ? ' — WARNING: the machine was busy, the figures are skewed' : ''),
    `- Crypto ceiling: ${ceiling.pairsPerSecond ?? 'n/a'} RSA-2048 + argon2id pairs/s (${ceiling.parallelism} lanes, ` +
      `${ceiling.pairs} pairs in ${ceiling.seconds} s, measured first, in this run)`,
    `- Database role of API and worker: ${report.settings.databaseRole === 'owner' ? "the tables' owner (row-level security does not apply)" : `${APPLICATION_ROLE} (row-level security applies)`}; ` +
      `machine key pool: ${report.settings.keyPoolSize > 0 ? `${report.settings.keyPoolSize} pairs, full for the idle sync creates, off for the burst (every create of the burst makes its pair)` : 'off (every create makes its pair)'}`,
    `- API, worker (concurrency ${report.settings.workerConcurrency}), PostgreSQL and Redis share this machine; ` +
      `the empty run began with ${number(report.empty.instancesAtStart)} instance(s)` +
      (report.seeded && fleet
        ? `, the seeded one with ${number(report.seeded.instancesAtStart)} (${number(fleet.instances)} seeded in ${fleet.seconds} s)`
        : ''),
    '',
    `| figure | goal | empty database | ${seededHeader} | seeded ÷ empty (within ${FLEET_FACTOR}×) |`,
    '|---|---|---|---|---|',
    ...ROWS.map(
      (row) =>
        `| ${row.figure} | ${row.goal || '—'} | ${cell(row, report.empty)} | ${cell(row, report.seeded)} | ${ratioCell(row, report)} |`,
    ),
    '',
    ...memoryTable(report),
    '',
    planLine(report),
    '',
    '| phase | began at | took | load (1 min) at its start |',
    '|---|---|---|---|',
    ...report.phases.map((p) => `| ${p.name} | ${p.startedAtSeconds} s | ${p.seconds} s | ${p.loadAverage1m} |`),
  ];
  if (report.problems.length > 0) lines.push('', 'Problems:', ...report.problems.map((p) => `- ${p}`));
  return lines.join('\n');
}
