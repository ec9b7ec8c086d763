import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

/**
 * Every field name the API's DTOs validate (read from class-validator's metadata of the loaded app, so new fields
 * are used without a change here), as keys of generated bodies and query strings.
 */
export function dtoFieldNames(): string[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { propertyName: string }[]> };
  const names = new Set<string>();
  for (const list of storage.validationMetadatas.values()) for (const m of list) names.add(m.propertyName);
  return [...names].sort();
}

const FIXED_STRINGS = [
  '',
  ' ',
  'ok',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\ude80\ud83d',
  '🚀',
  '_x',
  'a"b',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00',
  '%ff',
  '${jndi:ldap://x}',
  '<script>',
  '0',
  '-1',
  '1e400',
  'NaN',
  'true',
  'null',
  '0000000000000000',
  'ffffffffffffffff',
  'read',
  'write',
  'expire',
  'active',
  'inactive',
  'implicit',
  'explicit',
  'KEY_TYPE_JSON',
  'instance.created',
  'https://example.com/hook',
  'http://127.0.0.1:1/',
  'example.com',
  'a..b',
  'UPPER.example',
  '30s',
  '5m',
  '999999m',
  '2030-01-01T00:00:00Z',
  'not-a-date',
];

/** Strings: NUL, lone surrogates, emoji, SQL and path tricks, known enum values, long and huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIXED_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom(256, 1025, 5000, 120_000).map((n) => 'x'.repeat(n)) },
);

/** Numbers: huge, negative, fractional, beyond safe integers. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      3600,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32,
      -(2 ** 31) - 1,
      2 ** 53 - 1,
      2 ** 63,
      -(2 ** 53),
      1e20,
      1e308,
      -1e308,
      0.5,
      Number.MAX_SAFE_INTEGER + 2,
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
);

/** Any JSON value, with object keys that the API knows most of the time. */
export function hostileJson(fields: string[], maxDepth = 4): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fields) },
    { weight: 1, arbitrary: hostileString.filter((s) => s.length < 300) },
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      hostileString,
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 6 }),
    ),
  }));
  return value;
}

/**
 * A JSON object whose keys are mostly the fields the route's DTO reads (`preferred`), else any API field name: the
 * shape most likely to get past the first checks and reach the handler, its rules and PostgreSQL.
 */
export function hostileObject(fields: string[], preferred: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const key = preferred.length
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...preferred) },
        { weight: 1, arbitrary: fc.constantFrom(...fields) },
      )
    : fc.constantFrom(...fields);
  const value = fc.oneof(
    { weight: 2, arbitrary: hostileNumber },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: hostileJson(fields, 3) },
  );
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });
}

/** Printable ASCII only: what Node's HTTP client lets into a header value. */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom('', ' ', '%00', '%ff', 'x'.repeat(4000), 'null', '0'),
);

/** Like encodeURIComponent, but a lone surrogate becomes its WTF-8 bytes (%ED%A0%80) instead of an exception. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0xd800 || cp > 0xdfff) {
      out += encodeURIComponent(ch);
      continue;
    }
    out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
      .map((b) => `%${b.toString(16).toUpperCase()}`)
      .join('');
  }
  return out;
}
