import { DomainError } from '../errors';
import { checkWebhookUrl } from '../webhooks/webhook';
import { QuotaUnit } from './quota';

/** A quota as the System API received it (protojson spellings), before checks. */
export interface QuotaInput {
  readonly unit?: unknown;
  readonly from?: unknown;
  readonly resetInterval?: unknown;
  readonly amount?: unknown;
  readonly limit?: unknown;
  readonly notifications?: unknown;
}

export interface CheckedQuotaInput {
  readonly unit: QuotaUnit;
  readonly from: Date;
  readonly resetIntervalMs: number;
  readonly amount: number;
  readonly limit: boolean;
  readonly notifications: { percent: number; repeat: boolean; callUrl: string }[];
}

/** ZITADEL refuses periods under a minute (QUOTA-R5otd). */
const MIN_RESET_INTERVAL_MS = 60_000;
const DURATION = /^(\d{1,12})(?:\.(\d{1,9}))?s$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The unit as protojson writes it (name or number). Actions are refused: this service runs none to count. */
export function checkQuotaUnit(value: unknown): QuotaUnit {
  if (value === QuotaUnit.RequestsAllAuthenticated || value === 1 || value === '1')
    return QuotaUnit.RequestsAllAuthenticated;
  if (value === QuotaUnit.ActionsAllRunSeconds || value === 2 || value === '2') {
    throw DomainError.invalidField(
      'unit',
      'UNIT_ACTIONS_ALL_RUN_SECONDS is not supported: this service runs no actions to count',
    );
  }
  throw DomainError.invalidField('unit', 'must be UNIT_REQUESTS_ALL_AUTHENTICATED');
}

export function checkQuotaInput(input: QuotaInput): CheckedQuotaInput {
  return {
    unit: checkQuotaUnit(input.unit),
    from: checkFrom(input.from),
    resetIntervalMs: checkResetInterval(input.resetInterval),
    amount: checkAmount(input.amount),
    limit: checkBool(input.limit, 'limit'),
    notifications: checkNotifications(input.notifications),
  };
}

/** A google.protobuf.Timestamp; absent is the zero timestamp (1970-01-01), as in ZITADEL. */
function checkFrom(value: unknown): Date {
  if (value === undefined || value === null) return new Date(0);
  const date = typeof value === 'string' && RFC3339.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw DomainError.invalidField('from', 'must be an RFC 3339 timestamp');
  return date;
}

function checkResetInterval(value: unknown): number {
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  if (!match) throw DomainError.invalidField('resetInterval', 'must be a duration such as "3600s"');
  const ms = Number(match[1]) * 1000 + Math.floor(Number(`0.${match[2] ?? '0'}`) * 1000);
  if (ms < MIN_RESET_INTERVAL_MS) throw DomainError.invalidField('resetInterval', 'must be at least 60s');
  return ms;
}

/** uint64 as protojson writes it (string or number); 1 or more, so that usage has a percentage. */
function checkAmount(value: unknown): number {
  const amount = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    throw DomainError.invalidField('amount', `must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);
  }
  return amount;
}

function checkBool(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw DomainError.invalidField(field, 'must be true or false');
  return value;
}

function checkNotifications(value: unknown): CheckedQuotaInput['notifications'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 20)
    throw DomainError.invalidField('notifications', 'must be a list of at most 20');
  return value.map((n: Record<string, unknown> | null, i) => {
    const field = `notifications[${i}]`;
    if (typeof n !== 'object' || n === null) throw DomainError.invalidField(field, 'must be an object');
    const percent = n.percent;
    if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 1 || percent > 1_000_000) {
      throw DomainError.invalidField(`${field}.percent`, 'must be a whole number from 1');
    }
    let callUrl: string;
    try {
      callUrl = checkWebhookUrl(n.callUrl);
    } catch (error) {
      throw DomainError.invalidField(
        `${field}.callUrl`,
        error instanceof DomainError ? (error.fieldViolations[0]?.description ?? error.message) : 'is invalid',
      );
    }
    return { percent, repeat: checkBool(n.repeat, `${field}.repeat`), callUrl };
  });
}
