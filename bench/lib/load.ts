import { type JsonClient } from './http';
import { runBounded } from './stats';

/** One `_create` as the client saw it. */
export interface CreateCall {
  index: number;
  /** performance.now() just before the request was sent. */
  startedAt: number;
  /** Milliseconds from sending the request to its answer (`202` for async, `200` for sync). */
  answerMs: number;
  operationId?: string;
  /** performance.now() when the client learnt that the operation finished (its `_wait` or sync answer). */
  finishedAt?: number;
  state: string;
  pat?: string;
  /** Why the call did not end SUCCEEDED (HTTP status and body, or the transport error). */
  problem?: string;
}

/** Calls of one phase and the client-side window they took, first send to last answer. */
export interface CreateBatch {
  calls: CreateCall[];
  startedAt: number;
  endedAt: number;
}

const TERMINAL_STATES = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
/** Below the HTTP client's timeout; a `_wait` that runs out answers the unfinished operation and the lane asks again. */
const WAIT_TIMEOUT = '20s';

/** A full CreateInstance body (as test/support/system-api.ts's fullCreateRequest): human with password, machine with PAT and key. */
export function createInstanceBody(label: string): object {
  return {
    instanceName: `Bench ${label}`,
    firstOrgName: `Bench Org ${label}`,
    customDomain: `bench-${label}.example.com`,
    human: {
      userName: `alice-${label}`,
      email: { email: `alice-${label}@example.com`, isEmailVerified: true },
      profile: { firstName: 'Alice', lastName: 'Admin', preferredLanguage: 'en' },
      password: { password: `Pw-${label}-s3cret!`, passwordChangeRequired: false },
    },
    machine: {
      userName: `robot-${label}`,
      name: 'Provisioning robot',
      personalAccessToken: { expirationDate: '2519-04-01T08:45:00Z' },
      machineKey: { type: 'KEY_TYPE_JSON', expirationDate: '2519-04-01T08:45:00Z' },
    },
    defaultLanguage: 'en',
  };
}

const CREATE_PATH = '/system/v1/instances/_create';

/** Status and error fields only: a finished create's body holds its PAT and key file, which must not reach a report. */
function describe(status: number, body: unknown): string {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  const fields = body && typeof body === 'object' ? Object.keys(body).join(', ') : typeof body;
  return `${status} ${JSON.stringify({ code, message })?.slice(0, 300)} (fields: ${fields})`;
}

/** A call whose task threw before it had an answer (a transport error): the call with its problem. */
function thrownCall(index: number, startedAt: number, error: unknown): CreateCall {
  return {
    index,
    startedAt,
    answerMs: NaN,
    state: 'ERROR',
    problem: error instanceof Error ? error.message : String(error),
  };
}

/** Runs `count` tasks at `concurrency`, timing the whole batch; a task that throws becomes a call with its problem. */
async function batch(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<CreateCall>,
): Promise<CreateBatch> {
  const calls: CreateCall[] = [];
  const startedAt = performance.now();
  await runBounded(count, concurrency, async (index) => {
    const started = performance.now();
    calls.push(await call(index).catch((error: unknown) => thrownCall(index, started, error)));
  });
  return { calls, startedAt, endedAt: performance.now() };
}

/** One async `_create` timed until its `202`; the operation is left as the API answered it. */
async function acceptOne(client: JsonClient, label: string, index: number): Promise<CreateCall> {
  const started = performance.now();
  const answer = await client.send('POST', CREATE_PATH, createInstanceBody(label), { prefer: 'respond-async' });
  const answerMs = performance.now() - started;
  const operationId = (answer.body as { id?: unknown } | undefined)?.id;
  if (answer.status !== 202 || typeof operationId !== 'string')
    return { index, startedAt: started, answerMs, state: 'REJECTED', problem: describe(answer.status, answer.body) };
  return { index, startedAt: started, answerMs, operationId, state: 'PENDING' };
}

/**
 * The client of issue 12's throughput figure: each lane sends an async `_create`, then long-polls `_wait` until the
 * operation is finished, then sends its next create; `concurrency` lanes keep that many creates in flight.
 */
export function createAndWaitBurst(
  client: JsonClient,
  label: string,
  count: number,
  concurrency: number,
  deadline: number,
): Promise<CreateBatch> {
  return batch(count, concurrency, async (index) => {
    const call = await acceptOne(client, `${label}-${index}`, index);
    while (call.operationId && !TERMINAL_STATES.has(call.state)) {
      if (Date.now() > deadline) return { ...call, state: 'TIMED_OUT', problem: 'still unfinished at the deadline' };
      const answer = await client.send(
        'GET',
        `/system/v1/operations/${call.operationId}/_wait?timeout=${WAIT_TIMEOUT}`,
      );
      const body = answer.body as { state?: string; error?: unknown } | undefined;
      if (answer.status !== 200 || typeof body?.state !== 'string')
        return { ...call, state: 'ERROR', problem: `_wait: ${describe(answer.status, answer.body)}` };
      call.state = body.state;
      if (TERMINAL_STATES.has(body.state)) call.finishedAt = performance.now();
      if (body.state !== 'SUCCEEDED' && TERMINAL_STATES.has(body.state)) call.problem = JSON.stringify(body.error);
    }
    return call;
  });
}

/** Async creates timed until their `202` only (used while no worker runs, so the operations stay PENDING). */
export function acceptOnlyBurst(
  client: JsonClient,
  label: string,
  count: number,
  concurrency: number,
): Promise<CreateBatch> {
  return batch(count, concurrency, (index) => acceptOne(client, `${label}-${index}`, index));
}

/**
 * The burst's arrivals once more, open loop: each create is sent at the offset from the batch's start at which the
 * burst sent it, whether or not earlier ones were answered. With the worker stopped, the burst itself cannot run
 * (its lanes wait for their creates to finish before sending the next); this keeps its arrival pattern.
 */
export async function replayAccepts(client: JsonClient, label: string, burst: CreateBatch): Promise<CreateBatch> {
  const startedAt = performance.now();
  const calls = await Promise.all(
    burst.calls.map(async (original, index) => {
      const due = startedAt + (original.startedAt - burst.startedAt);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const started = performance.now();
      return acceptOne(client, `${label}-${index}`, index).catch((error: unknown) => thrownCall(index, started, error));
    }),
  );
  return { calls, startedAt, endedAt: performance.now() };
}

/** Synchronous creates one at a time: each waits in the API for the worker and answers `200` with the PAT. */
export function syncCreatesOneByOne(client: JsonClient, label: string, count: number): Promise<CreateBatch> {
  return batch(count, 1, async (index) => {
    const started = performance.now();
    const answer = await client.send('POST', CREATE_PATH, createInstanceBody(`${label}-${index}`));
    const finishedAt = performance.now();
    const pat = (answer.body as { pat?: unknown } | undefined)?.pat;
    const answerMs = finishedAt - started;
    if (answer.status !== 200 || typeof pat !== 'string')
      return { index, startedAt: started, answerMs, state: 'ERROR', problem: describe(answer.status, answer.body) };
    return { index, startedAt: started, answerMs, finishedAt, state: 'SUCCEEDED', pat };
  });
}

/** Cancels operations that no worker will run, so that a worker started later finds them finished. */
export async function cancelOperations(client: JsonClient, operationIds: string[], concurrency: number): Promise<void> {
  await runBounded(operationIds.length, concurrency, async (i) => {
    const answer = await client.send('POST', `/system/v1/operations/${operationIds[i]}/_cancel`, {});
    if (answer.status >= 300) throw new Error(`_cancel ${operationIds[i]}: ${describe(answer.status, answer.body)}`);
  });
}

export function problemsOf(batch: CreateBatch): CreateCall[] {
  return batch.calls.filter((call) => call.problem !== undefined);
}
