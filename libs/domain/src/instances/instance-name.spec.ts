import { DomainError, ErrorCode } from '../errors';
import { checkInstanceName, INSTANCE_NAME_MAX_LENGTH } from './instance-name';

describe('checkInstanceName', () => {
  it('accepts a name and drops surrounding blanks', () => {
    expect(checkInstanceName('  ACME Corp  ')).toBe('ACME Corp');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an empty string', ''],
    ['only blanks', ' \t\n '],
  ])('refuses %s as required', (_label, value) => {
    expect(() => checkInstanceName(value)).toThrow(
      expect.objectContaining({
        code: ErrorCode.InvalidArgument,
        fieldViolations: [{ field: 'instanceName', description: 'is required' }],
      }),
    );
  });

  it('accepts exactly 200 characters', () => {
    expect(checkInstanceName('a'.repeat(INSTANCE_NAME_MAX_LENGTH))).toHaveLength(200);
  });

  it('refuses 201 characters', () => {
    expect(() => checkInstanceName('a'.repeat(201))).toThrow(DomainError);
  });

  it('counts characters, not UTF-16 units: 200 emoji are accepted', () => {
    const name = '🦄'.repeat(200);
    expect(name.length).toBe(400);
    expect(checkInstanceName(name)).toBe(name);
  });

  it('refuses 201 emoji', () => {
    expect(() => checkInstanceName('🦄'.repeat(201))).toThrow(DomainError);
  });

  it('names the field it was given in the violation', () => {
    expect(() => checkInstanceName('', 'firstOrgName')).toThrow(
      expect.objectContaining({ fieldViolations: [expect.objectContaining({ field: 'firstOrgName' })] }),
    );
  });
});
