import { DomainError } from '../errors';

/** Largest quota (users, orgs, buckets): PostgreSQL's `int`, the quota columns' type. */
export const QUOTA_MAX = 2 ** 31 - 1;

/** Absent (undefined or null) is no quota; otherwise a whole number from `min` to QUOTA_MAX. */
export function checkQuota(value: unknown, field: string, min = 0): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > QUOTA_MAX) {
    throw DomainError.invalidField(field, `must be a whole number from ${min} to ${QUOTA_MAX}`);
  }
  return value;
}
