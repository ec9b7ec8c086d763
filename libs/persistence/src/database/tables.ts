import {
  type AuthorizationStatus,
  type BucketRole,
  type DeliveryAttempt,
  type DeliveryStatus,
  type InstanceState,
  type OnboardingOutcome,
  type OperationFailure,
  type OperationKind,
  type OperationState,
  type OrgRole,
  type Permission,
  type QuotaNotification,
  type QuotaUnit,
  type SchemaType,
  type TokenKind,
  type UserStatus,
  type WebhookEventType,
} from '@app/domain';

/**
 * The row type of every table, as `pg` returns it: bigint as string, timestamptz as Date, jsonb parsed.
 * Mirrors the migrations; `SqlTransaction.insert()` and `rows()` are typed with these, so a wrong column
 * name or type is a compile error rather than a runtime one.
 */
type Json = unknown;

export interface BucketLabelRow {
  instance_id: string;
  bucket_id: string;
  label_id: string;
  created_at: Date;
}

export interface BucketMemberRow {
  instance_id: string;
  bucket_id: string;
  user_id: string;
  role: BucketRole;
  created_at: Date;
}

export interface BucketRow {
  instance_id: string;
  id: string;
  org_id: string;
  name: string;
  description: string;
  type: 'user' | 'system';
  retention_seconds: string;
  shard_group_duration_seconds: string;
  schema_type: SchemaType;
  created_at: Date;
  updated_at: Date;
  rp: string;
}

export interface EventRow {
  sequence: string;
  instance_id: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  payload: Json;
  resource_owner: string;
  created_at: Date;
}

export interface IdempotencyKeyRow {
  caller_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  headers: Record<string, string> | null;
  sealed_body: string | null;
  redacted_body: Json | null;
  created_at: Date;
  completed_at: Date | null;
}

export interface InstanceDomainRow {
  instance_id: string;
  domain: string;
  is_generated: boolean;
  is_primary: boolean;
  created_at: Date;
}

export interface InstanceMemberRow {
  instance_id: string;
  user_id: string;
  role: string;
  created_at: Date;
}

export interface InstanceQuotaRow {
  instance_id: string;
  unit: QuotaUnit;
  id: string;
  from_at: Date;
  reset_interval_ms: string;
  amount: string;
  is_limit: boolean;
  /** With their call URLs, which events leave out (a URL may carry credentials). */
  notifications: QuotaNotification[];
  created_at: Date;
  updated_at: Date;
}

export interface InstanceRow {
  id: string;
  name: string;
  state: InstanceState;
  default_language: string;
  created_at: Date;
  updated_at: Date;
  is_default: boolean;
  max_buckets: number | null;
  max_users: number | null;
  max_orgs: number | null;
  blocked: boolean;
}

export interface LabelRow {
  instance_id: string;
  id: string;
  org_id: string;
  name: string;
  /** Label properties: string keys and values (checked by the domain). */
  properties: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export interface MachineKeyPoolRow {
  id: string;
  public_key_pem: string;
  sealed_private_key: string;
  claimed_by: string | null;
  claimed_at: Date | null;
  created_at: Date;
}

export interface MachineKeyRow {
  instance_id: string;
  id: string;
  user_id: string;
  type: string;
  public_key_pem: string;
  expires_at: Date | null;
  created_at: Date;
}

/** What a CREATE_INSTANCE or REMOVE_INSTANCE operation keeps of its instance, as JSON (dates as RFC 3339 strings). */
export interface StoredInstanceOutcome {
  instanceId: string;
  details: { sequence: string; creationDate: string; changeDate: string; resourceOwner: string };
}

/** One step of an operation's latest attempt, as JSON. */
export interface StoredStepStart {
  name: string;
  startedAt: string;
}

export interface OperationRow {
  id: string;
  instance_id: string;
  kind: OperationKind;
  state: OperationState;
  created_by: string;
  request: Json;
  sealed_input: string | null;
  current_step: string | null;
  completed_steps: number;
  total_steps: number;
  attempts: number;
  /** StoredInstanceOutcome for CREATE_INSTANCE and REMOVE_INSTANCE, OnboardingOutcome for the setups. */
  outcome: StoredInstanceOutcome | OnboardingOutcome | null;
  sealed_secrets: string | null;
  secrets_expire_at: Date | null;
  failure: OperationFailure | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
  cancel_requested_at: Date | null;
  requested_by: string | null;
  step_starts: StoredStepStart[] | null;
}

export interface OrgMemberRow {
  instance_id: string;
  org_id: string;
  user_id: string;
  role: OrgRole;
  created_at: Date;
}

export interface OrgRow {
  instance_id: string;
  id: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
}

export interface OutboxEventRow {
  id: string;
  type: WebhookEventType;
  instance_id: string;
  /** `{instanceId, operationId, ...data}`: ids and states only. */
  payload: Readonly<Record<string, unknown>>;
  created_at: Date;
  dispatched_at: Date | null;
}

export interface TokenRow {
  instance_id: string;
  id: string;
  user_id: string;
  org_id: string | null;
  kind: TokenKind;
  digest: string;
  description: string;
  status: AuthorizationStatus;
  permissions: Permission[];
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface UserRow {
  instance_id: string;
  id: string;
  kind: 'human' | 'machine';
  name: string;
  display_name: string;
  email: string | null;
  email_verified: boolean;
  first_name: string;
  last_name: string;
  preferred_language: string;
  password_hash: string | null;
  password_change_required: boolean;
  status: UserStatus;
  created_at: Date;
  updated_at: Date;
}

/** One entry of a delivery's attempt log, as JSON. */
export type StoredDeliveryAttempt = Omit<DeliveryAttempt, 'startedAt'> & { startedAt: string };

export interface WebhookDeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  response_status: number | null;
  error: string | null;
  attempt_log: StoredDeliveryAttempt[];
  created_at: Date;
  last_attempt_at: Date | null;
  finished_at: Date | null;
}

export interface WebhookRow {
  id: string;
  url: string;
  event_types: WebhookEventType[];
  description: string;
  sealed_secret: string;
  created_by: string;
  created_at: Date;
}

/** Every table's row as `pg` returns it (bigint as string, jsonb parsed), so that inserts and reads are checked by the compiler. */
export interface Tables {
  bucket_labels: BucketLabelRow;
  bucket_members: BucketMemberRow;
  buckets: BucketRow;
  events: EventRow;
  idempotency_keys: IdempotencyKeyRow;
  instance_domains: InstanceDomainRow;
  instance_members: InstanceMemberRow;
  instance_quotas: InstanceQuotaRow;
  instances: InstanceRow;
  labels: LabelRow;
  machine_key_pool: MachineKeyPoolRow;
  machine_keys: MachineKeyRow;
  operations: OperationRow;
  org_members: OrgMemberRow;
  orgs: OrgRow;
  outbox_events: OutboxEventRow;
  tokens: TokenRow;
  users: UserRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhooks: WebhookRow;
}

/** Columns an INSERT may leave out: they have a default or may be NULL. */
interface OptionalColumns {
  buckets: 'description' | 'schema_type' | 'rp';
  events: 'sequence';
  idempotency_keys: 'status_code' | 'headers' | 'sealed_body' | 'redacted_body' | 'completed_at';
  instance_quotas: 'notifications';
  instances: 'is_default' | 'max_buckets' | 'max_users' | 'max_orgs' | 'blocked';
  labels: 'properties';
  machine_key_pool: 'claimed_by' | 'claimed_at';
  machine_keys: 'expires_at';
  operations:
    | 'sealed_input'
    | 'current_step'
    | 'completed_steps'
    | 'total_steps'
    | 'attempts'
    | 'outcome'
    | 'sealed_secrets'
    | 'secrets_expire_at'
    | 'failure'
    | 'started_at'
    | 'finished_at'
    | 'cancel_requested_at'
    | 'requested_by'
    | 'step_starts';
  orgs: 'description';
  outbox_events: 'dispatched_at';
  tokens: 'org_id' | 'description' | 'expires_at';
  users: 'email' | 'email_verified' | 'first_name' | 'last_name' | 'password_hash' | 'password_change_required';
  webhook_deliveries: 'attempts' | 'response_status' | 'error' | 'attempt_log' | 'last_attempt_at' | 'finished_at';
  webhooks: 'description';
}

/** What `SqlTransaction.insert()` takes for a table: every column, less those with a default or NULL allowed. */
export type NewRow<T extends keyof Tables> = T extends keyof OptionalColumns
  ? Omit<Tables[T], OptionalColumns[T]> & Partial<Pick<Tables[T], OptionalColumns[T] & keyof Tables[T]>>
  : Tables[T];
