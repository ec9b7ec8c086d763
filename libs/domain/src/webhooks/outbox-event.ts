import { type OperationFailure, type OperationKind, type OperationState } from '../operations/operation';
import { type Id } from '../shared/id';
import { type WebhookEventType } from './webhook-event-type';

type Scalar = string | number | boolean | null;

/**
 * A change worth telling webhooks about, written to the outbox in the transaction that makes the change.
 * The payload holds ids and states only: never a secret, never personal data.
 */
export interface OutboxEventInput {
  readonly type: WebhookEventType;
  readonly instanceId: Id;
  readonly operationId: Id;
  readonly data?: Readonly<Record<string, Scalar | Readonly<Record<string, Scalar>>>>;
}

/** An outbox event as the relay and the deliveries read it. */
export interface OutboxEvent {
  readonly id: Id;
  readonly type: WebhookEventType;
  /** `{instanceId, operationId, ...data}` */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export function instanceCreatedEvent(instanceId: Id, operationId: Id): OutboxEventInput {
  return { type: 'instance.created', instanceId, operationId };
}

export function instanceFailedEvent(instanceId: Id, operationId: Id, failure: OperationFailure): OutboxEventInput {
  return { type: 'instance.failed', instanceId, operationId, data: { reason: failure.reason } };
}

/** For the instance removal: the REMOVE_INSTANCE operation that deleted the instance's data. */
export function instanceRemovedEvent(instanceId: Id, operationId: Id): OutboxEventInput {
  return { type: 'instance.removed', instanceId, operationId };
}

export function operationFinishedEvent(
  operation: { readonly id: Id; readonly instanceId: Id; readonly kind: OperationKind | string },
  state: OperationState,
  failure: OperationFailure | null = null,
): OutboxEventInput {
  return {
    type: 'operation.finished',
    instanceId: operation.instanceId,
    operationId: operation.id,
    data: {
      kind: operation.kind,
      state,
      ...(failure ? { error: { reason: failure.reason, message: failure.message } } : {}),
    },
  };
}

/** The JSON payload stored with the event. */
export function outboxPayload(event: OutboxEventInput): Record<string, unknown> {
  return { instanceId: event.instanceId, operationId: event.operationId, ...event.data };
}
