import { type DurationSummary } from '@app/domain';

import { type RedisConnection } from './redis-connection';

export type DurationKind = 'job' | 'step';

/**
 * Besides its own Prometheus histograms, each worker adds every job and step duration to one Redis hash
 * (`<QUEUE_PREFIX>:worker-durations`, fields `<kind>:<name>:count` and `:sum`), so that the console shows totals over
 * all workers without having to find and scrape each worker's metrics port.
 */
export function workerDurationsKey(queuePrefix: string): string {
  return `${queuePrefix}:worker-durations`;
}

export async function addWorkerDuration(
  redis: RedisConnection,
  queuePrefix: string,
  kind: DurationKind,
  name: string,
  seconds: number,
): Promise<void> {
  const key = workerDurationsKey(queuePrefix);
  await redis.multi().hincrby(key, `${kind}:${name}:count`, 1).hincrbyfloat(key, `${kind}:${name}:sum`, seconds).exec();
}

export async function readWorkerDurations(
  redis: RedisConnection,
  queuePrefix: string,
): Promise<Record<DurationKind, DurationSummary[]>> {
  const fields = await redis.hgetall(workerDurationsKey(queuePrefix));
  const byName = new Map<string, { kind: DurationKind; name: string; count: number; sumSeconds: number }>();
  for (const [field, value] of Object.entries(fields)) {
    const match = /^(job|step):(.+):(count|sum)$/.exec(field);
    if (!match) continue;
    const [, kind, name, part] = match;
    const entry = byName.get(`${kind}:${name}`) ?? { kind: kind as DurationKind, name, count: 0, sumSeconds: 0 };
    if (part === 'count') entry.count = Number(value);
    else entry.sumSeconds = Number(value);
    byName.set(`${kind}:${name}`, entry);
  }
  const of = (kind: DurationKind) =>
    [...byName.values()]
      .filter((e) => e.kind === kind)
      .map(({ name, count, sumSeconds }) => ({ name, count, sumSeconds }));
  return { job: of('job'), step: of('step') };
}
