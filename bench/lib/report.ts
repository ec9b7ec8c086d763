import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname } from 'node:path';

import { type CeilingResult } from './ceiling';
import { type Accepted, type OperationRow, type Rejected } from './load';
import { type BenchSettings } from './settings';
import { percentile, round } from './stats';

export interface BenchReport {
  finishedAt: string;
  machine: {
    cpuModel: string;
    cpuCount: number;
    totalMemoryGiB: number | null;
    node: string;
    os: string;
    /** 1, 5 and 15 minute load averages when the run began: other work on the machine skews every figure. */
    loadAverageAtStart: number[];
  };
  settings: { instances: number; clientConcurrency: number; workerConcurrency: number; ceilingSeconds: number };
  acceptLatencyMs: { p50: number | null; p99: number | null };
  endToEndLatencyMs: { p50: number | null; p99: number | null };
  instancesPerSecond: number | null;
  ceiling: { pairsPerSecond: number | null; pairs: number; parallelism: number; seconds: number | null };
  /** instancesPerSecond ÷ ceiling pairs/s: how much of the machine's crypto ceiling the whole service reaches. */
  ratioToCeiling: number | null;
  operations: { accepted: number; rejected: number; succeeded: number; failed: number; timedOut: number };
}

export function machineDescription(loadAverageAtStart: number[]): BenchReport['machine'] {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cpuCount: cores.length,
    totalMemoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${release()}`,
    loadAverageAtStart: loadAverageAtStart.map((load) => round(load, 2) ?? 0),
  };
}

/** Turns what the client saw, the operations' rows and the ceiling into the report's figures. */
export function buildReport(
  settings: BenchSettings,
  accepted: Accepted[],
  rejected: Rejected[],
  rows: OperationRow[],
  ceiling: CeilingResult,
  loadAverageAtStart: number[],
): BenchReport {
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const endToEndMs: number[] = [];
  let lastFinishedAt = -Infinity;
  for (const call of accepted) {
    const row = rowById.get(call.operationId);
    if (row?.state !== 'SUCCEEDED' || !row.finished_at) continue;
    endToEndMs.push(row.finished_at.getTime() - call.sentAt);
    lastFinishedAt = Math.max(lastFinishedAt, row.finished_at.getTime());
  }
  const firstSentAt = Math.min(...accepted.map((call) => call.sentAt));
  const succeeded = endToEndMs.length;
  const finishedStates = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
  const failed = rows.filter((row) => row.state === 'FAILED' || row.state === 'CANCELLED').length;
  const timedOut = accepted.filter((call) => !finishedStates.has(rowById.get(call.operationId)?.state ?? '')).length;
  const instancesPerSecond = succeeded > 0 ? succeeded / ((lastFinishedAt - firstSentAt) / 1000) : null;
  const acceptMs = accepted.map((call) => call.acceptMs);
  return {
    finishedAt: new Date().toISOString(),
    machine: machineDescription(loadAverageAtStart),
    settings: {
      instances: settings.instances,
      clientConcurrency: settings.clientConcurrency,
      workerConcurrency: settings.workerConcurrency,
      ceilingSeconds: settings.ceilingSeconds,
    },
    acceptLatencyMs: { p50: round(percentile(acceptMs, 50)), p99: round(percentile(acceptMs, 99)) },
    endToEndLatencyMs: { p50: round(percentile(endToEndMs, 50), 0), p99: round(percentile(endToEndMs, 99), 0) },
    instancesPerSecond: round(instancesPerSecond, 2),
    ceiling: {
      pairsPerSecond: round(ceiling.pairsPerSecond, 2),
      pairs: ceiling.pairs,
      parallelism: ceiling.parallelism,
      seconds: round(ceiling.seconds, 2),
    },
    ratioToCeiling:
      instancesPerSecond !== null && ceiling.pairsPerSecond > 0
        ? round(instancesPerSecond / ceiling.pairsPerSecond, 2)
        : null,
    operations: { accepted: accepted.length, rejected: rejected.length, succeeded, failed, timedOut },
  };
}

export function isCleanRun(report: BenchReport): boolean {
  const { operations } = report;
  return (
    operations.rejected === 0 &&
    operations.failed === 0 &&
    operations.timedOut === 0 &&
    operations.succeeded === report.settings.instances
  );
}

/** Load from before the run of more than half a core per CPU means the service and the ceiling shared the machine. */
function machineWasBusy(machine: BenchReport['machine']): boolean {
  return (machine.loadAverageAtStart[0] ?? 0) > machine.cpuCount / 2;
}

export function formatReport(report: BenchReport): string {
  const { machine, settings, operations } = report;
  const figure = (value: number | null, unit = '') => (value === null ? 'n/a' : `${value}${unit}`);
  return [
    'Provisioning benchmark',
    `  machine            ${machine.cpuCount} × ${machine.cpuModel}, ${figure(machine.totalMemoryGiB, ' GiB')}, node ${machine.node}, ${machine.os}`,
    `  load at start      ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min)`,
    `  instances          ${settings.instances} (client concurrency ${settings.clientConcurrency}, worker concurrency ${settings.workerConcurrency})`,
    `  accept latency     p50 ${figure(report.acceptLatencyMs.p50, ' ms')}, p99 ${figure(report.acceptLatencyMs.p99, ' ms')}`,
    `  end-to-end         p50 ${figure(report.endToEndLatencyMs.p50, ' ms')}, p99 ${figure(report.endToEndLatencyMs.p99, ' ms')}`,
    `  throughput         ${figure(report.instancesPerSecond)} instances/s`,
    `  ceiling            ${figure(report.ceiling.pairsPerSecond)} RSA-2048 + argon2id pairs/s (${report.ceiling.parallelism} lanes, key and hash together, ${report.ceiling.pairs} pairs in ${figure(report.ceiling.seconds, ' s')})`,
    `  ratio              ${figure(report.ratioToCeiling)} (instances/s ÷ ceiling pairs/s)`,
    `  operations         ${operations.succeeded} succeeded, ${operations.failed} failed, ${operations.timedOut} timed out, ${operations.rejected} rejected`,
    ...(machineWasBusy(machine)
      ? ['  WARNING            other work kept the machine busy when the run began: the figures are skewed']
      : []),
  ].join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
