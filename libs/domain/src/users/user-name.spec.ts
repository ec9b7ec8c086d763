import { ErrorCode } from '../errors';
import { checkUserName, USER_NAME_MAX_LENGTH } from './user-name';

describe('checkUserName', () => {
  it('accepts a user name and drops surrounding blanks', () => {
    expect(checkUserName('  zitadel-admin ', 'human.userName')).toBe('zitadel-admin');
  });

  it('keeps an e-mail-like user name as it is', () => {
    expect(checkUserName('Admin@Example.com', 'human.userName')).toBe('Admin@Example.com');
  });

  it.each([undefined, null, '', '   ', 7])('refuses %p as required', (value) => {
    expect(() => checkUserName(value, 'machine.userName')).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        fieldViolations: [{ field: 'machine.userName', description: 'is required' }],
      }),
    );
  });

  it('accepts 200 characters', () => {
    expect(checkUserName('u'.repeat(USER_NAME_MAX_LENGTH), 'human.userName')).toHaveLength(200);
  });

  it('refuses a user name longer than 200 characters', () => {
    expect(() => checkUserName('u'.repeat(201), 'human.userName')).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        fieldViolations: [expect.objectContaining({ field: 'human.userName' })],
      }),
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkUserName('ü'.repeat(100) + '🙂'.repeat(100), 'human.userName')).toHaveLength(300);
  });
});
