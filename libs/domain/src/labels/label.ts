import { DomainError } from '../errors';
import { Id } from '../shared/id';

export interface Label {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly properties: Record<string, string>;
}

export function checkLabelName(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw DomainError.invalidField('name', 'label name must not be empty');
  if ([...value].length > 255) throw DomainError.invalidField('name', 'label name must be at most 255 characters');
  return value;
}

export function checkLabelProperties(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw DomainError.invalidField('properties', 'must be an object of string values');
  }
  return value as Record<string, string>;
}
