import { findBodyProblem, MAX_BODY_VALUES, MAX_OBJECT_MEMBERS } from './body-problems';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-nesting';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan(bytes('[[[]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(bytes('[[[[]]]]'), 3)).toBe(true);
    expect(nestsDeeperThan(bytes('{"a":{"b":[1]}}'), 3)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ s: '[[[[[[{{{{' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(JSON.stringify({ s: 'quote \\" then [[[[' })), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":"\\\\"}'), 1)).toBe(false);
  });

  it('scans 3,000 levels without recursion', () => {
    expect(nestsDeeperThan(bytes('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(bytes('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
  });
});

describe('findBodyProblem', () => {
  it('accepts ordinary bodies, emoji included', () => {
    expect(findBodyProblem({ name: 'rocket 🚀', list: [1, null, true, { k: 'v' }] })).toBeNull();
    expect(findBodyProblem(undefined)).toBeNull();
  });

  it.each([
    ['a NUL in a value', { a: { b: ['x\u0000'] } }, 'a.b.0'],
    ['a NUL in a key', { a: { 'k\u0000': 'v' } }, 'a.k\\u0000'],
    ['a lone high surrogate', { name: '\ud800' }, 'name'],
    ['a lone low surrogate', { name: 'a\udc00' }, 'name'],
    ['a surrogate pair in the wrong order', { name: '\ude80\ud83d' }, 'name'],
    ['a lone surrogate in a key', { ['\ud800']: 1 }, '\\ud800'],
  ])('finds %s', (_what, body, field) => {
    expect(findBodyProblem(body)).toEqual({ field, description: expect.stringMatching(/must not contain/) });
  });

  it('walks a deep value without recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 9_000; i++) deep = [deep];
    expect(findBodyProblem(deep)?.description).toMatch(/NUL/);
  });

  it('refuses too many members or values', () => {
    const wide = Object.fromEntries(Array.from({ length: MAX_OBJECT_MEMBERS + 1 }, (_, i) => [`k${i}`, i]));
    expect(findBodyProblem({ wide })).toEqual({ field: 'wide', description: expect.stringMatching(/members/) });
    const many = Array.from({ length: 20 }, () => Array.from({ length: MAX_BODY_VALUES / 20 }, () => 1));
    expect(findBodyProblem(many)?.description).toMatch(/values/);
  });

  it('cuts long keys short in the path it reports', () => {
    const key = 'k'.repeat(10_000);
    expect(findBodyProblem({ [key]: '\u0000' })!.field.length).toBeLessThan(40);
  });
});
