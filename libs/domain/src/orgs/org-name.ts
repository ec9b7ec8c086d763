import { DomainError, ErrorCode } from '../errors';
import { preview } from '../shared/text';

export const ORG_NAME_MAX_LENGTH = 255;

/** An org name is not empty (InfluxDB: 400 "org name is empty") and at most 255 characters; surrounding blanks are dropped. */
export function checkOrgName(value: unknown, field = 'name'): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0) {
    throw new DomainError(ErrorCode.InvalidArgument, 'org name is empty', [
      { field, description: 'must not be empty' },
    ]);
  }
  if ([...name].length > ORG_NAME_MAX_LENGTH) {
    throw DomainError.invalidField(field, `org name must be at most ${ORG_NAME_MAX_LENGTH} characters`);
  }
  return name;
}

export function orgNameTaken(name: string): DomainError {
  return new DomainError(ErrorCode.Conflict, `organization with name ${preview(name)} already exists`);
}

export function orgNotFound(): DomainError {
  return DomainError.notFound('organization not found');
}
