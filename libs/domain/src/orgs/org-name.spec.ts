import { DomainError, ErrorCode } from '../errors';
import { checkOrgName, ORG_NAME_MAX_LENGTH } from './org-name';

describe('checkOrgName', () => {
  it('keeps a name without its surrounding blanks', () => {
    expect(checkOrgName('  Research ')).toBe('Research');
  });

  it.each([[''], ['   '], [undefined], [42]])('refuses %p as "org name is empty" (400)', (value) => {
    expect(() => checkOrgName(value)).toThrow(new DomainError(ErrorCode.InvalidArgument, 'org name is empty'));
  });

  it('counts characters, not bytes, against the maximum length', () => {
    expect(checkOrgName('é'.repeat(ORG_NAME_MAX_LENGTH))).toHaveLength(ORG_NAME_MAX_LENGTH);
    expect(() => checkOrgName('x'.repeat(ORG_NAME_MAX_LENGTH + 1))).toThrow(/at most 255/);
  });
});
