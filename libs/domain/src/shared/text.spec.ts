import { DomainError } from '../errors';
import { checkText, longerThan, preview } from './text';

describe('preview', () => {
  it('keeps short input and cuts long input to its first characters', () => {
    expect(preview('abc')).toBe('abc');
    expect(preview('x'.repeat(100_000))).toBe(`${'x'.repeat(64)}...`);
    expect(preview('🚀'.repeat(100), 3)).toBe('🚀🚀🚀...');
    expect(preview('🚀'.repeat(3), 3)).toBe('🚀🚀🚀');
  });
});

describe('checkText', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(longerThan('🚀'.repeat(10), 10)).toBe(false);
    expect(checkText('🚀'.repeat(10), 'd', 10)).toBe('🚀'.repeat(10));
    expect(() => checkText('x'.repeat(11), 'd', 10)).toThrow(DomainError);
  });

  it('treats absent as empty and refuses other types', () => {
    expect(checkText(undefined, 'd', 10)).toBe('');
    expect(() => checkText(42, 'd', 10)).toThrow('d: must be a string');
  });
});
