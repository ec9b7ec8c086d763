import { ErrorCode } from '../errors';
import { checkPassword, PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from './password-policy';

const field = 'human.password.password';
const invalid = expect.objectContaining({
  code: ErrorCode.InvalidArgument,
  fieldViolations: [{ field, description: 'must be 8 to 72 bytes long' }],
});

describe('checkPassword', () => {
  it('accepts 8 ASCII bytes and returns the password unchanged', () => {
    expect(checkPassword('Passw0rd', field)).toBe('Passw0rd');
  });

  it('keeps surrounding blanks: they are part of the password', () => {
    expect(checkPassword('  secret pass  ', field)).toBe('  secret pass  ');
  });

  it('refuses a password shorter than 8 bytes', () => {
    expect(() => checkPassword('1234567', field)).toThrow(invalid);
  });

  it('accepts exactly 72 bytes', () => {
    expect(checkPassword('x'.repeat(PASSWORD_MAX_BYTES), field)).toHaveLength(72);
  });

  it('refuses a password longer than 72 bytes', () => {
    expect(() => checkPassword('x'.repeat(73), field)).toThrow(invalid);
  });

  it('refuses 20 four-byte emoji: 20 characters but 80 bytes', () => {
    const password = '🔐'.repeat(20);
    expect(Buffer.byteLength(password, 'utf8')).toBe(80);
    expect(() => checkPassword(password, field)).toThrow(invalid);
  });

  it('accepts 18 four-byte emoji (72 bytes)', () => {
    const password = '🔐'.repeat(18);
    expect(checkPassword(password, field)).toBe(password);
  });

  it('accepts 2 four-byte emoji: 2 characters but 8 bytes', () => {
    expect(checkPassword('🔐🔑', field)).toBe('🔐🔑');
  });

  it('counts two-byte characters as two bytes: 4 x "é" is enough, 37 x "é" is too much', () => {
    expect(checkPassword('é'.repeat(4), field)).toBe('éééé');
    expect(() => checkPassword('é'.repeat(37), field)).toThrow(invalid);
  });

  it.each([undefined, null, 12345678])('refuses %p as required', (value) => {
    expect(() => checkPassword(value, field)).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        fieldViolations: [{ field, description: 'is required' }],
      }),
    );
  });

  it('exposes its bounds', () => {
    expect([PASSWORD_MIN_BYTES, PASSWORD_MAX_BYTES]).toEqual([8, 72]);
  });
});
