import { FailureReason, OperationKind, OperationState, WEBHOOK_EVENT_TYPES } from '@app/domain';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Answer schemas of the System API (ZITADEL's protojson shapes: uint64 as string, RFC 3339 timestamps, absent
 * values left out), of the operations endpoints, and of the tenant API's answers that InfluxDB does not define.
 * The InfluxDB ones come from its contract (influxdb-schemas.ts).
 */
const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...extra });
const time: SchemaObject = str({ format: 'date-time' });
const id: SchemaObject = str({ pattern: '^[0-9a-f]{16}$' });
const object = (properties: Record<string, SchemaObject | ReferenceObject>, required: string[] = []): SchemaObject => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
});
const list = (items: SchemaObject | ReferenceObject): SchemaObject => ({ type: 'array', items });

const operationProperties = {
  id,
  kind: str({ enum: Object.values(OperationKind) }),
  instanceId: id,
  state: str({ enum: Object.values(OperationState) }),
  progress: object(
    {
      currentStep: str(),
      completedSteps: { type: 'integer' },
      totalSteps: { type: 'integer' },
      // the latest attempt's steps: when each began, and how long it took once it ended
      steps: list(object({ name: str(), startedAt: time, durationMs: { type: 'integer' } }, ['name', 'startedAt'])),
    },
    ['completedSteps', 'totalSteps'],
  ),
  attempts: { type: 'integer' },
  createdAt: time,
  startedAt: time,
  finishedAt: time,
  error: object(
    { reason: str({ enum: Object.values(FailureReason) }), message: str(), retryable: { type: 'boolean' } },
    ['reason', 'message'],
  ),
} satisfies Record<string, SchemaObject>;
const operationRequired = ['id', 'kind', 'instanceId', 'state', 'progress', 'attempts', 'createdAt'];

const domain = object({
  details: ref('ObjectDetails'),
  domain: str(),
  primary: { type: 'boolean' },
  generated: { type: 'boolean' },
});
const instanceDetail = object({
  id,
  details: ref('ObjectDetails'),
  state: str({ enum: ['STATE_CREATING', 'STATE_RUNNING', 'STATE_STOPPING', 'STATE_STOPPED', 'STATE_UNSPECIFIED'] }),
  name: str(),
  version: str(),
  domains: list(domain),
});
const webhook = object({
  id,
  url: str({ format: 'uri' }),
  eventTypes: list(str({ enum: [...WEBHOOK_EVENT_TYPES] })),
  description: str(),
  creationDate: time,
});
const deliveryAttempt = object({
  attempt: { type: 'integer' },
  succeeded: { type: 'boolean' },
  responseStatus: { type: 'integer' },
  error: str(),
  date: time,
  durationMs: { type: 'integer' },
});
const delivery = object({
  id,
  eventId: str(),
  eventType: str(),
  attempt: { type: 'integer' },
  status: str({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'] }),
  responseStatus: { type: 'integer' },
  error: str(),
  creationDate: time,
  lastAttemptDate: time,
  finishedDate: time,
  attempts: list(deliveryAttempt),
});
const healthIndicators = { type: 'object', additionalProperties: object({ status: str() }) } satisfies SchemaObject;

export const SYSTEM_SCHEMAS: Record<string, SchemaObject> = {
  /** grpc-gateway's error body (google.rpc.Status). */
  SystemError: object(
    {
      code: {
        type: 'integer',
        description: 'gRPC status code (3 invalid argument, 5 not found, 16 unauthenticated, ...)',
      },
      message: str(),
      details: list({
        type: 'object',
        description: 'google.rpc.BadRequest with fieldViolations[{field, description}] for invalid input',
      }),
    },
    ['code', 'message', 'details'],
  ),
  ObjectDetails: object({
    sequence: str({ description: 'uint64 as a string' }),
    creationDate: time,
    changeDate: time,
    resourceOwner: str(),
  }),
  DetailsResponse: object({ details: ref('ObjectDetails') }),
  BulkSetLimitsResponse: object({
    details: object({ sequence: str(), changeDate: time }),
    targetDetails: list(ref('ObjectDetails')),
  }),
  CreateInstanceResponse: object(
    {
      instanceId: id,
      details: ref('ObjectDetails'),
      pat: str({ description: 'when asked for; only to the caller that created it, within SECRET_RETENTION_SECONDS' }),
      machineKey: str({ description: 'base64 of the JSON key file, when asked for; same visibility as pat' }),
    },
    ['instanceId', 'details'],
  ),
  AddInstanceResponse: object({ instanceId: id, details: ref('ObjectDetails') }, ['instanceId', 'details']),
  Operation: object({ ...operationProperties, result: ref('CreateInstanceResponse') }, operationRequired),
  CancelOperationResponse: object(
    { ...operationProperties, result: ref('CreateInstanceResponse'), cancelRequested: { type: 'boolean' } },
    operationRequired,
  ),
  ListOperationsResponse: object({ operations: list(ref('Operation')), nextPageToken: str() }, ['operations']),
  /** The tenant API's view of an onboarding operation: the result is InfluxDB's OnboardingResponse. */
  SetupOperation: object({ ...operationProperties, result: ref('OnboardingResponse') }, operationRequired),
  GetInstanceResponse: object({ instance: instanceDetail }, ['instance']),
  SearchInstancesResponse: object({
    details: object({ totalResult: str(), processedSequence: str(), viewTimestamp: time }),
    result: list(instanceDetail),
  }),
  SearchDomainsResponse: object({ details: object({ totalResult: str() }), result: list(domain) }),
  ListIAMMembersResponse: object({
    details: object({ totalResult: str(), viewTimestamp: time }),
    result: list(
      object({
        userId: id,
        details: ref('ObjectDetails'),
        roles: list(str()),
        preferredLoginName: str(),
        email: str(),
        firstName: str(),
        lastName: str(),
        displayName: str(),
        userType: str({ enum: ['TYPE_HUMAN', 'TYPE_MACHINE'] }),
      }),
    ),
  }),
  DomainExistsResponse: object({ exists: { type: 'boolean' } }, ['exists']),
  LimitsResponse: object(
    {
      limits: object({
        block: { type: 'boolean' },
        maxUsers: { type: 'integer', nullable: true },
        maxOrgs: { type: 'integer', nullable: true },
        maxBuckets: { type: 'integer', nullable: true },
      }),
    },
    ['limits'],
  ),
  CreateWebhookResponse: object({ webhook, secret: str({ description: 'whsec_<base64 key>: shown only here' }) }, [
    'webhook',
    'secret',
  ]),
  WebhookResponse: object({ webhook }, ['webhook']),
  ListWebhooksResponse: object({ result: list(webhook) }, ['result']),
  ListWebhookDeliveriesResponse: object({ result: list(delivery) }, ['result']),
  Empty: { type: 'object', additionalProperties: false },
  PrometheusText: str({ description: 'Prometheus text exposition format' }),
  OperationEventStream: str({
    description: 'Server-Sent Events: `event: progress` with an Operation as `data`, until it is finished',
  }),
  /** @nestjs/terminus's answer to /healthz and /readyz. */
  HealthCheckResult: object({
    status: str({ enum: ['ok', 'error', 'shutting_down'] }),
    info: healthIndicators,
    error: healthIndicators,
    details: healthIndicators,
  }),
};
