import { DomainError } from '../errors';

/** Longest piece of a caller's input that an error message repeats. */
export const ECHO_MAX_LENGTH = 64;

/**
 * `value` as an error message may repeat it: unchanged when short, else its first characters and "...". Messages
 * never repeat a caller's whole input (a 100 KB name would come back 100 KB long, and into every log of it).
 */
export function preview(value: unknown, max = ECHO_MAX_LENGTH): string {
  const text = String(value);
  if (text.length <= max) return text;
  // A character is one or two UTF-16 units: the first 2 * max units hold the first max characters.
  const head = [...text.slice(0, max * 2)];
  if (head.length <= max && text.length <= max * 2) return text;
  return `${head.slice(0, max).join('')}...`;
}

/** Whether `text` has more than `max` characters (code points); cheap for the common short case. */
export function longerThan(text: string, max: number): boolean {
  return text.length > max && [...text].length > max;
}

/** Descriptions of orgs, buckets and authorizations. */
export const DESCRIPTION_MAX_LENGTH = 1024;

/** Absent is ''; otherwise a string of at most `max` characters. */
export function checkText(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw DomainError.invalidField(field, 'must be a string');
  if (longerThan(value, max)) throw DomainError.invalidField(field, `must be at most ${max} characters`);
  return value;
}

export function checkDescription(value: unknown, field = 'description'): string {
  return checkText(value, field, DESCRIPTION_MAX_LENGTH);
}
