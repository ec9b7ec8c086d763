import { DomainError } from '../errors';

export const INSTANCE_NAME_MAX_LENGTH = 200;

export function checkInstanceName(name: unknown, field = 'instanceName'): string {
  if (typeof name !== 'string' || name.trim().length === 0) {
    throw DomainError.invalidField(field, 'is required');
  }
  if ([...name].length > INSTANCE_NAME_MAX_LENGTH) {
    throw DomainError.invalidField(field, `must be at most ${INSTANCE_NAME_MAX_LENGTH} characters`);
  }
  return name.trim();
}
