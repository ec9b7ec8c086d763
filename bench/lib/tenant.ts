import { type JsonClient } from './http';
import { percentile, round, runBounded } from './stats';

export interface TenantFigures {
  /** How many PATs (so how many instances) the requests rotated through. */
  tokens: number;
  requests: number;
  concurrency: number;
  requestsPerSecond: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  serialRequests: number;
  serialP50Ms: number | null;
  /** Answers other than `200` with the instance's buckets. */
  errors: number;
  firstError?: string;
}

const WARM_UP_REQUESTS = 50;

/**
 * `GET /api/v2/buckets` with `Authorization: Token <PAT>` on the API's address (a host that names no instance, so
 * the token selects its own instance): resolving the host, the token digest, the instance and then the list, as an
 * InfluxDB client pointed at the shared URL does. Requests rotate through `pats`.
 */
export async function measureTenantBuckets(
  client: JsonClient,
  pats: string[],
  requests: number,
  concurrency: number,
  serialRequests: number,
): Promise<TenantFigures> {
  if (pats.length === 0) throw new Error('no PAT to send tenant requests with');
  let errors = 0;
  let firstError: string | undefined;
  const getBuckets = async (i: number): Promise<number> => {
    const started = performance.now();
    const answer = await client.send('GET', '/api/v2/buckets', undefined, {
      authorization: `Token ${pats[i % pats.length]}`,
    });
    const elapsed = performance.now() - started;
    const buckets = (answer.body as { buckets?: unknown[] } | undefined)?.buckets;
    if (answer.status !== 200 || !Array.isArray(buckets) || buckets.length === 0) {
      errors++;
      firstError ??= `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`;
    }
    return elapsed;
  };
  // Connections opened and code paths warm before anything is timed.
  await runBounded(WARM_UP_REQUESTS, concurrency, async (i) => void (await getBuckets(i)));
  errors = 0;
  firstError = undefined;
  const concurrentMs: number[] = [];
  const started = performance.now();
  await runBounded(requests, concurrency, async (i) => void concurrentMs.push(await getBuckets(i)));
  const seconds = (performance.now() - started) / 1000;
  const serialMs: number[] = [];
  await runBounded(serialRequests, 1, async (i) => void serialMs.push(await getBuckets(i)));
  return {
    tokens: pats.length,
    requests,
    concurrency,
    requestsPerSecond: round(requests / seconds, 0),
    p50Ms: round(percentile(concurrentMs, 50)),
    p99Ms: round(percentile(concurrentMs, 99)),
    serialRequests,
    serialP50Ms: round(percentile(serialMs, 50)),
    errors,
    ...(firstError ? { firstError } : {}),
  };
}
