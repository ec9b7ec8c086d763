import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

import { type CeilingResult } from './ceiling';
import { type FigureSet, isCleanSet, type PhaseRecord } from './figures';
import { type MemoryFigures } from './memory';
import { type PlanFinding } from './plan-check';
import { type BenchSettings } from './settings';
import { round } from './stats';

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  /** A smoke run (BENCH_SMOKE=1) proves that the bench works; its sizes are too small for its figures to count. */
  smoke: boolean;
  machine: {
    cpuModel: string;
    cpuCount: number;
    totalMemoryGiB: number | null;
    node: string;
    os: string;
    /** 1, 5 and 15 minute load averages when the run began: other work on the machine skews every figure. */
    loadAverageAtStart: number[];
  };
  settings: Omit<BenchSettings, 'ownerDatabaseUrl' | 'redisUrl' | 'resultsDirectory'>;
  ceiling: { pairsPerSecond: number | null; pairs: number; parallelism: number; seconds: number | null };
  empty: FigureSet;
  /** The same figures after seeding the fleet (absent with BENCH_FLEET_INSTANCES=0). */
  seeded: FigureSet | null;
  fleet: { instances: number; seconds: number | null } | null;
  /** EXPLAIN of the hot queries on the seeded database: those that scan a tenant table whole. */
  planCheck: { checked: number; findings: Array<Omit<PlanFinding, 'plan'>> } | null;
  memory: MemoryFigures | null;
  phases: PhaseRecord[];
  /** Calls that did not end as they should; a clean run has none. */
  problems: string[];
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

export function ceilingFigures(ceiling: CeilingResult): BenchReport['ceiling'] {
  return {
    pairsPerSecond: round(ceiling.pairsPerSecond, 2),
    pairs: ceiling.pairs,
    parallelism: ceiling.parallelism,
    seconds: round(ceiling.seconds, 2),
  };
}

export function reportedSettings(settings: BenchSettings): BenchReport['settings'] {
  const { ownerDatabaseUrl: _owner, redisUrl: _redis, resultsDirectory: _results, ...sizes } = settings;
  return sizes;
}

/** Every create, tenant request and memory round did what it was asked (goals are judged in the table, not here). */
export function isCleanRun(report: BenchReport): boolean {
  return (
    isCleanSet(report.empty) &&
    (report.seeded === null || isCleanSet(report.seeded)) &&
    (report.memory === null || report.memory.failedCreates === 0)
  );
}

/** Load from before the run of more than half a core per CPU means the service and the ceiling shared the machine. */
export function machineWasBusy(machine: BenchReport['machine']): boolean {
  return (machine.loadAverageAtStart[0] ?? 0) > machine.cpuCount / 2;
}

/**
 * Writes `<timestamp>.json` and `<timestamp>.md` in `directory`, and latest.json / latest.md unless this is a smoke
 * run (a smoke run's files end in `-smoke`, so that they never pass for a real run). Returns the paths written.
 */
export function writeReport(directory: string, report: BenchReport, markdown: string): string[] {
  mkdirSync(directory, { recursive: true });
  const stamp = report.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const names = report.smoke ? [`${stamp}-smoke`] : [stamp, 'latest'];
  const written: string[] = [];
  for (const name of names) {
    for (const [extension, content] of [
      ['json', `${JSON.stringify(report, null, 2)}\n`],
      ['md', `${markdown}\n`],
    ] as const) {
      const path = join(directory, `${name}.${extension}`);
      writeFileSync(path, content);
      written.push(path);
    }
  }
  return written;
}
