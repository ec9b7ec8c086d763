import { ErrorCode } from '../errors';
import { checkDomainName, generatedDomainFor, hostWithoutPort } from './domain-name';

const invalid = (field = 'customDomain') =>
  expect.objectContaining({ code: ErrorCode.InvalidArgument, fieldViolations: [expect.objectContaining({ field })] });

describe('checkDomainName', () => {
  it.each([
    'example.com',
    'acme-1.example.com',
    'localhost',
    'a.b.c.d.e.example.org',
    'xn--bcher-kva.de',
    '1password.com',
    `${'a'.repeat(63)}.example.com`,
  ])('accepts %s', (domain) => {
    expect(checkDomainName(domain)).toBe(domain);
  });

  it('lowercases an uppercase domain', () => {
    expect(checkDomainName('Acme.EXAMPLE.Com')).toBe('acme.example.com');
  });

  it('drops surrounding blanks', () => {
    expect(checkDomainName('  acme.example.com ')).toBe('acme.example.com');
  });

  it.each(['localhost:8080', 'acme.example.com:1', 'acme.example.com:65535'])('accepts a port: %s', (domain) => {
    expect(checkDomainName(domain)).toBe(domain);
  });

  it.each([
    ['port 0', 'acme.example.com:0'],
    ['port 65536', 'acme.example.com:65536'],
    ['a six-digit port', 'acme.example.com:123456'],
    ['an empty port', 'acme.example.com:'],
    ['a named port', 'acme.example.com:http'],
    ['two ports', 'acme.example.com:80:81'],
    ['a negative port', 'acme.example.com:-1'],
  ])('refuses %s', (_label, domain) => {
    expect(() => checkDomainName(domain)).toThrow(invalid());
  });

  it.each([
    ['an empty label', 'a..example.com'],
    ['a leading dot', '.example.com'],
    ['a trailing dot', 'example.com.'],
    ['a label that starts with a hyphen', '-acme.example.com'],
    ['a label that ends with a hyphen', 'acme-.example.com'],
    ['an underscore', 'my_host.example.com'],
    ['a space', 'not a domain'],
    ['an exclamation mark', 'acme!.example.com'],
    ['a scheme', 'https://acme.example.com'],
    ['a path', 'acme.example.com/path'],
    ['non-ASCII letters (IDNs must come as punycode)', 'bücher.de'],
    ['a label of 64 characters', `${'a'.repeat(64)}.example.com`],
    ['only blanks', '   '],
  ])('refuses a domain with %s', (_label, domain) => {
    expect(() => checkDomainName(domain)).toThrow(invalid());
  });

  it('accepts 253 characters and refuses 254', () => {
    const label = 'a'.repeat(63);
    const at253 = [label, label, label, 'a'.repeat(61)].join('.');
    expect(at253).toHaveLength(253);
    expect(checkDomainName(at253)).toBe(at253);
    expect(() => checkDomainName(`a${at253}`)).toThrow(invalid());
  });

  it.each([undefined, null, '', 42])('refuses %p', (value) => {
    expect(() => checkDomainName(value)).toThrow(invalid());
  });

  it('names the field it was given', () => {
    expect(() => checkDomainName('nope!', 'domain')).toThrow(invalid('domain'));
  });
});

describe('generatedDomainFor', () => {
  it('builds <slug>-<suffix>.<baseDomain>', () => {
    expect(generatedDomainFor('ACME Corp', 'x1y2z3', 'example.com')).toBe('acme-corp-x1y2z3.example.com');
  });

  it.each([
    ['runs of punctuation and blanks collapse to one hyphen', 'Foo  &  Bar!!', 'foo-bar'],
    ['leading and trailing punctuation is dropped', '--Hello, World!--', 'hello-world'],
    ['fullwidth letters fold to ASCII', 'ＡＣＭＥ', 'acme'],
    ['ligatures are split', 'ﬁne', 'fine'],
    ['digits are kept', 'Team 42', 'team-42'],
  ])('slugs: %s', (_label, name, slug) => {
    expect(generatedDomainFor(name, 'abc123', 'example.com')).toBe(`${slug}-abc123.example.com`);
  });

  it.each([
    ['an empty name', ''],
    ['only blanks', '   '],
    ['only punctuation', '---!!!'],
    ['only CJK characters', '日本語'],
    ['only emoji', '🦄🦄'],
  ])('falls back to "instance" for %s', (_label, name) => {
    expect(generatedDomainFor(name, 'abc123', 'example.com')).toBe('instance-abc123.example.com');
  });

  it('cuts a very long name to 40 characters and never leaves a trailing hyphen', () => {
    const name = `${'a'.repeat(39)} ${'b'.repeat(160)}`;
    const domain = generatedDomainFor(name, 'abc123', 'example.com');
    expect(domain).toBe(`${'a'.repeat(39)}-abc123.example.com`);
  });

  it('keeps a 200-character name within one 63-character DNS label', () => {
    const [label] = generatedDomainFor('x'.repeat(200), 'abc123', 'example.com').split('.');
    expect(label).toBe(`${'x'.repeat(40)}-abc123`);
    expect(label.length).toBeLessThanOrEqual(63);
  });

  it.each([
    '',
    ' ',
    'ACME Corp',
    'Café Zürich',
    'İstanbul',
    'Straße',
    '日本語 テスト',
    '🦄 unicorn 🦄',
    '½ price',
    '-a-',
    '_',
    'a'.repeat(200),
    `${'é'.repeat(100)}`,
    'Ωmega',
    'x--y',
    '\u0000\u0001',
  ])('always yields a valid domain name for %p', (name) => {
    const domain = generatedDomainFor(name, 'abc123', 'example.com');
    expect(checkDomainName(domain)).toBe(domain);
  });

  it('strips accents instead of splitting words at them ("Café Zürich" -> cafe-zurich)', () => {
    // NFKD turns "ü" into "u" + U+0308; the combining mark is then replaced by a hyphen: "cafe-zu-rich".
    expect(generatedDomainFor('Café Zürich', 'abc123', 'example.com')).toBe('cafe-zurich-abc123.example.com');
  });

  it('folds compatibility capitals that have no lowercase form ("𝐀𝐂𝐌𝐄" -> acme)', () => {
    // toLowerCase() runs before normalize('NFKD'), so the "A" NFKD produces is uppercase and gets dropped.
    expect(generatedDomainFor('𝐀𝐂𝐌𝐄', 'abc123', 'example.com')).toBe('acme-abc123.example.com');
  });
});

describe('hostWithoutPort', () => {
  it.each([
    ['a.example.com:8080', 'a.example.com'],
    ['a.example.com', 'a.example.com'],
    ['LOCALHOST:8080', 'localhost'],
    [' Acme.Example.com:443 ', 'acme.example.com'],
    ['[::1]:8080', '[::1]'],
    ['a.example.com:', 'a.example.com:'],
  ])('%p -> %p', (host, expected) => {
    expect(hostWithoutPort(host)).toBe(expected);
  });
});
