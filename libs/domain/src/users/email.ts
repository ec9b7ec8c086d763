import { DomainError } from '../errors';

// Deliberately simple: one @, no spaces, a dot in the domain part. Deliverability is checked by sending mail, not by regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_MAX_LENGTH = 254;

export function checkEmail(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > EMAIL_MAX_LENGTH || !EMAIL.test(value)) {
    throw DomainError.invalidField(field, 'must be a valid email address');
  }
  return value.trim();
}
