import { ErrorCode } from '../errors';
import { checkEmail } from './email';

const field = 'human.email.email';

describe('checkEmail', () => {
  it.each(['admin@example.com', 'first.last+tag@sub.example.co.uk', 'ü@bücher.de', 'a@b.c'])('accepts %s', (email) => {
    expect(checkEmail(email, field)).toBe(email);
  });

  it.each([
    ['no @', 'admin.example.com'],
    ['two @', 'a@b@example.com'],
    ['no dot in the domain', 'admin@localhost'],
    ['a space inside', 'ad min@example.com'],
    ['a leading blank', ' admin@example.com'],
    ['nothing before @', '@example.com'],
    ['an empty string', ''],
  ])('refuses an address with %s', (_label, email) => {
    expect(() => checkEmail(email, field)).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        fieldViolations: [{ field, description: 'must be a valid email address' }],
      }),
    );
  });

  it.each([undefined, null, 42])('refuses %p', (value) => {
    expect(() => checkEmail(value, field)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
  });

  it('accepts 254 characters and refuses 255', () => {
    const at254 = `${'a'.repeat(254 - '@example.com'.length)}@example.com`;
    expect(at254).toHaveLength(254);
    expect(checkEmail(at254, field)).toBe(at254);
    expect(() => checkEmail(`a${at254}`, field)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidArgument }));
  });
});
