import { DomainError, ErrorCode, OperationState, type OperationView } from '@app/domain';
import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { fromJson, type JsonValue } from '@bufbuild/protobuf';
import { Code, ConnectError, type HandlerContext } from '@connectrpc/connect';

import { failureError } from '../../common/long-running/operation-failure-error';
import { apiValidationPipe } from '../../common/validation/validation.pipe';
import { IDEMPOTENCY_HEADER } from '../common/idempotency.interceptor';
import { SYSTEM_CALLER } from './system-grpc-auth';

export const OPERATION_ID_HEADER = 'x-operation-id';
const validation = apiValidationPipe();

/** The REST DTO's validation (class-validator, unknown fields dropped) on the request's protojson. */
export async function validated<T extends object>(dto: new () => T, json: unknown): Promise<T> {
  return (await validation.transform(json ?? {}, { type: 'body', metatype: dto })) as T;
}

/**
 * A REST answer as the method's response message: serialized as REST sends it (a Date becomes its ISO string), then
 * parsed as protojson; our extensions to it are dropped.
 */
export function answer<Desc extends DescMessage>(schema: Desc, body: unknown): MessageShape<Desc> {
  return fromJson(schema, JSON.parse(JSON.stringify(body ?? {})) as JsonValue, { ignoreUnknownFields: true });
}

export function callerOf(context: HandlerContext): string {
  const caller = context.values.get(SYSTEM_CALLER);
  if (!caller) throw new DomainError(ErrorCode.Unauthenticated, 'missing credentials');
  return caller.id;
}

export function idempotencyKeyOf(context: HandlerContext): string | null {
  return context.requestHeader.get(IDEMPOTENCY_HEADER);
}

/** How long a long-running call may wait: SYNC_WAIT_SECONDS, shortened to the client's deadline (less a margin). */
export function waitMsOf(context: HandlerContext, syncWaitSeconds: number): number {
  const deadline = context.timeoutMs();
  const wait = syncWaitSeconds * 1000;
  return deadline === undefined ? wait : Math.max(0, Math.min(wait, deadline - 500));
}

/**
 * The end of a long-running call over gRPC: the result once the operation succeeded, its error if it failed, and
 * DEADLINE_EXCEEDED with the operation id (message and `x-operation-id` metadata) while it still runs, since gRPC has
 * no 202: the caller polls GET /system/v1/operations/{id}, or repeats the call with the same Idempotency-Key.
 */
export function finishedOperation<T>(
  view: OperationView,
  context: HandlerContext,
  finished: (view: OperationView) => T,
): T {
  const { operation } = view;
  if (operation.state === OperationState.Succeeded) {
    context.responseHeader.set(OPERATION_ID_HEADER, operation.id);
    return finished(view);
  }
  if (operation.failure) throw failureError(operation.id, operation.failure);
  throw new ConnectError(
    `operation ${operation.id} is still running; poll GET /system/v1/operations/${operation.id}`,
    Code.DeadlineExceeded,
    { [OPERATION_ID_HEADER]: operation.id },
  );
}
