import { createHash } from 'node:crypto';

import { type Clock, DomainError, ErrorCode, type IdempotencyStore, type StoredAnswer } from '@app/domain';

/** Fields that carry secrets; a replay after SECRET_RETENTION_SECONDS answers without them. */
const SECRET_FIELDS = new Set(['pat', 'machineKey', 'secret', 'token', 'key']);
const POLL_MS = 50;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_FIELDS.has(k))
        .map(([k, v]) => [k, redacted(v)]),
    );
  }
  return value;
}

export interface IdempotentCall {
  callerId: string;
  key: string;
  /** What the request was (surface, method, path, body): the same key with another request is refused. */
  request: unknown[];
}

export type IdempotentOutcome<T> = { kind: 'fresh'; result: T } | { kind: 'replay'; answer: StoredAnswer };

/**
 * The `Idempotency-Key` protocol shared by REST and gRPC: the same key with the same request, by the same caller,
 * within 24 hours, gets the first answer again (even while the first request still runs); another request with that
 * key is refused (Unprocessable). A failed request releases its key.
 */
export async function runIdempotently<T>(
  store: IdempotencyStore,
  clock: Clock,
  call: IdempotentCall,
  execute: () => Promise<{ result: T; answer: Omit<StoredAnswer, 'redactedBody'> }>,
): Promise<IdempotentOutcome<T>> {
  if (call.key.length > 255) throw DomainError.invalidField('Idempotency-Key', 'must be at most 255 characters');
  const hash = createHash('sha256')
    .update(JSON.stringify(canonical(call.request)))
    .digest('hex');
  for (;;) {
    const claim = await store.claim(call.callerId, call.key, hash, clock.now());
    if (claim.kind === 'mismatch')
      throw new DomainError(ErrorCode.Unprocessable, 'this Idempotency-Key was used with a different request');
    if (claim.kind === 'replay') return { kind: 'replay', answer: claim.answer };
    if (claim.kind === 'claimed') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    const { result, answer } = await execute();
    await store.complete(call.callerId, call.key, { ...answer, redactedBody: redacted(answer.body) }, clock.now());
    return { kind: 'fresh', result };
  } catch (error) {
    await store.release(call.callerId, call.key);
    throw error;
  }
}
