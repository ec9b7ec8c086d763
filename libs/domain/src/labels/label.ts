import { DomainError } from '../errors';
import { type Id } from '../shared/id';
import { longerThan, preview } from '../shared/text';

export const LABEL_NAME_MAX_LENGTH = 255;
export const LABEL_MAX_PROPERTIES = 64;
export const LABEL_PROPERTY_KEY_MAX_LENGTH = 64;
export const LABEL_PROPERTY_VALUE_MAX_LENGTH = 1024;

export interface Label {
  readonly id: Id;
  readonly orgId: Id;
  readonly name: string;
  readonly properties: Record<string, string>;
}

export function checkLabelName(value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw DomainError.invalidField('name', 'label name must not be empty');
  if ([...value].length > LABEL_NAME_MAX_LENGTH)
    throw DomainError.invalidField('name', `label name must be at most ${LABEL_NAME_MAX_LENGTH} characters`);
  return value;
}

export function checkLabelProperties(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw DomainError.invalidField('properties', 'must be an object of string values');
  }
  const properties = value as Record<string, string>;
  checkLabelPropertyCount(properties);
  for (const [key, text] of Object.entries(properties)) {
    if (key.length === 0 || longerThan(key, LABEL_PROPERTY_KEY_MAX_LENGTH)) {
      throw DomainError.invalidField(
        'properties',
        `keys must be 1 to ${LABEL_PROPERTY_KEY_MAX_LENGTH} characters (${preview(key)})`,
      );
    }
    if (longerThan(text, LABEL_PROPERTY_VALUE_MAX_LENGTH)) {
      throw DomainError.invalidField(
        `properties.${preview(key)}`,
        `must be at most ${LABEL_PROPERTY_VALUE_MAX_LENGTH} characters`,
      );
    }
  }
  return properties;
}

/** Also checked after an update merges new properties into the old ones. */
export function checkLabelPropertyCount(properties: Record<string, string>): Record<string, string> {
  if (Object.keys(properties).length > LABEL_MAX_PROPERTIES) {
    throw DomainError.invalidField('properties', `a label has at most ${LABEL_MAX_PROPERTIES} properties`);
  }
  return properties;
}
