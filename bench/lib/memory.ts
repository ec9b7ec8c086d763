import { readFileSync } from 'node:fs';

import { type PhaseLog } from './figures';
import { type JsonClient } from './http';
import { createAndWaitBurst } from './load';
import { type BenchRun } from './run';
import { sleep } from './stats';

/** Time for the processes to finish what a round left (outbox relay, sockets) before their memory is read. */
const SETTLE_MS = 3_000;

/** Resident set size of a process in MiB, from /proc/<pid>/status (Linux); null where there is no /proc. */
export function residentMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** One reading of the API's and the worker's memory. */
export interface MemoryReading {
  label: string;
  apiMiB: number | null;
  workerMiB: number | null;
}

export interface MemoryFigures {
  roundSize: number;
  readings: MemoryReading[];
  /** Largest growth from one round to the next, in percent, per process: "no growth round to round". */
  worstRoundGrowthPercent: { api: number | null; worker: number | null };
  failedCreates: number;
  /** The first few creates that did not succeed. */
  problems: string[];
}

/** Percent growth of the worst step between consecutive rounds (readings after the idle one). */
export function worstGrowth(values: Array<number | null>): number | null {
  let worst: number | null = null;
  for (let i = 1; i < values.length; i++) {
    const [before, after] = [values[i - 1], values[i]];
    if (before === null || after === null || before === 0) return null;
    const growth = ((after - before) / before) * 100;
    worst = worst === null ? growth : Math.max(worst, growth);
  }
  return worst === null ? null : Math.round(worst * 10) / 10;
}

function read(run: BenchRun, label: string): MemoryReading {
  return { label, apiMiB: residentMiB(run.api?.pid), workerMiB: residentMiB(run.worker?.pid) };
}

/**
 * RSS of the API and the worker at idle, then after each of `rounds` rounds of `roundSize` creates (async, long-polled,
 * `clientConcurrency` in flight), each read once the round is over and the processes had a moment to settle.
 */
export async function measureMemoryRounds(run: BenchRun, client: JsonClient, log: PhaseLog): Promise<MemoryFigures> {
  const { memoryRound: roundSize, memoryRounds: rounds } = run.settings;
  await sleep(SETTLE_MS);
  const readings = [read(run, 'idle')];
  let failedCreates = 0;
  const problems: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const batch = await log.run(`memory round ${round} of ${rounds}: ${roundSize} creates`, () =>
      createAndWaitBurst(
        client,
        `${run.runId}-m${round}`,
        roundSize,
        run.settings.clientConcurrency,
        Date.now() + run.settings.provisioningTimeoutSeconds * 1000,
      ),
    );
    const failed = batch.calls.filter((c) => c.state !== 'SUCCEEDED');
    failedCreates += failed.length;
    for (const call of failed.slice(0, 3))
      problems.push(`memory round ${round} #${call.index}: ${call.state} ${call.problem}`);
    await sleep(SETTLE_MS);
    readings.push(read(run, `after round ${round}`));
  }
  const afterRounds = readings.slice(1);
  return {
    roundSize,
    readings,
    worstRoundGrowthPercent: {
      api: worstGrowth(afterRounds.map((r) => r.apiMiB)),
      worker: worstGrowth(afterRounds.map((r) => r.workerMiB)),
    },
    failedCreates,
    problems,
  };
}
