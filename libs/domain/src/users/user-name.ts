import { DomainError } from '../errors';

export const USER_NAME_MAX_LENGTH = 200;

export function checkUserName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw DomainError.invalidField(field, 'is required');
  }
  if ([...value].length > USER_NAME_MAX_LENGTH) {
    throw DomainError.invalidField(field, `must be at most ${USER_NAME_MAX_LENGTH} characters`);
  }
  return value.trim();
}
