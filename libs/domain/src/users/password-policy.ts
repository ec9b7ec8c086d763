import { DomainError } from '../errors';

/** argon2 and bcrypt-compatible bounds: at least 8 bytes, at most 72 bytes of UTF-8. */
export const PASSWORD_MIN_BYTES = 8;
export const PASSWORD_MAX_BYTES = 72;

export function checkPassword(password: unknown, field: string): string {
  if (typeof password !== 'string') {
    throw DomainError.invalidField(field, 'is required');
  }
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < PASSWORD_MIN_BYTES || bytes > PASSWORD_MAX_BYTES) {
    throw DomainError.invalidField(field, `must be ${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes long`);
  }
  return password;
}
