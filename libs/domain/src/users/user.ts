import { DomainError } from '../errors';
import { type Id } from '../shared/id';
import { checkUserName } from './user-name';

export type UserStatus = 'active' | 'inactive';

/** A user of an instance as the InfluxDB tenant API shows it (human or machine alike). */
export interface User {
  readonly id: Id;
  readonly name: string;
  readonly status: UserStatus;
}

const STATUSES: readonly UserStatus[] = ['active', 'inactive'];

export function checkUserStatus(value: unknown): UserStatus {
  if (!STATUSES.includes(value as UserStatus))
    throw DomainError.invalidField('status', 'must be "active" or "inactive"');
  return value as UserStatus;
}

/** The InfluxDB user name rule for `name`: required, trimmed, at most 200 characters. */
export function checkInfluxUserName(value: unknown): string {
  return checkUserName(value, 'name');
}

/** Unknown, malformed and other instances' ids all answer this, never 403: nobody learns which ids exist elsewhere. */
export function unknownUser(): DomainError {
  return DomainError.notFound('user not found');
}
