import { DomainError } from '../errors';
import { checkText, preview } from '../shared/text';

export const BUCKET_NAME_MAX_LENGTH = 255;
/** `rp`, the InfluxDB 1.x retention policy name a bucket maps to. */
export const BUCKET_RP_MAX_LENGTH = 255;

/** InfluxDB's rules for user bucket names: not empty, no leading underscore (reserved for system buckets), no double quote. */
export function checkBucketName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw DomainError.invalidField(field, 'bucket name must not be empty');
  }
  if ([...value].length > BUCKET_NAME_MAX_LENGTH) {
    throw DomainError.invalidField(field, `bucket name must be at most ${BUCKET_NAME_MAX_LENGTH} characters`);
  }
  if (value.startsWith('_'))
    throw DomainError.invalidField(field, `bucket name "${preview(value)}" must not start with an underscore`);
  if (value.includes('"'))
    throw DomainError.invalidField(field, `bucket name "${preview(value)}" must not contain a double quote`);
  return value;
}

/** Absent is InfluxDB's default "0". */
export function checkBucketRp(value: unknown): string {
  return value === undefined || value === null ? '0' : checkText(value, 'rp', BUCKET_RP_MAX_LENGTH);
}

export const MIN_RETENTION_SECONDS = 3600;

/** 0 means infinite; anything else must be at least one hour. */
export function checkRetentionSeconds(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw DomainError.invalidField(field, 'retention period must be a non-negative whole number of seconds');
  }
  if (value !== 0 && value < MIN_RETENTION_SECONDS) {
    throw DomainError.invalidField(
      field,
      `retention period must be 0 (infinite) or at least ${MIN_RETENTION_SECONDS} seconds (1 hour)`,
    );
  }
  return value;
}
