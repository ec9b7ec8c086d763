import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AppConfig, DEVELOPMENT_SYSTEM_TOKEN, sha256Hex } from '@app/infrastructure';

/** Parsing of SYSTEM_API_USERS and SYSTEM_API_ISSUER in AppConfig (libs/infrastructure/src/config). */
const rsa = (bits = 2048) => generateKeyPairSync('rsa', { modulusLength: bits });
const { publicKey, privateKey } = rsa();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const keyData = Buffer.from(publicPem).toString('base64');

const config = (env: Record<string, string>) => AppConfig.fromEnvironment({ NODE_ENV: 'test', ...env });
const users = (value: unknown) =>
  config({ SYSTEM_API_USERS: typeof value === 'string' ? value : JSON.stringify(value) });

describe('SYSTEM_API_USERS', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'system-users-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads keyData (base64 PEM) and key files, with SYSTEM_OWNER as the default role', () => {
    const path = join(dir, 'viewer.pem');
    writeFileSync(path, publicKey.export({ type: 'pkcs1', format: 'pem' }));
    const parsed = users({ ops: { keyData }, audit: { path, role: 'SYSTEM_OWNER_VIEWER' } }).systemUsers;
    expect([...parsed.keys()]).toEqual(['ops', 'audit']);
    expect(parsed.get('ops')).toMatchObject({ id: 'ops', role: 'SYSTEM_OWNER' });
    expect(parsed.get('ops')!.publicKey.equals(publicKey)).toBe(true);
    expect(parsed.get('audit')).toMatchObject({ id: 'audit', role: 'SYSTEM_OWNER_VIEWER' });
    expect(parsed.get('audit')!.publicKey.equals(publicKey)).toBe(true);
  });

  it('is empty when unset, and then only the static tokens (or the development token) are accepted', () => {
    expect(config({}).systemUsers.size).toBe(0);
    expect(config({}).systemTokenDigests).toEqual([sha256Hex(DEVELOPMENT_SYSTEM_TOKEN)]);
  });

  it('replaces the development token: with system users alone, no static token is accepted', () => {
    const c = users({ ops: { keyData } });
    expect(c.systemTokenDigests).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['bad JSON', '{"ops": {keyData: 1}}', /SYSTEM_API_USERS: is not valid JSON \(error at position \d+\)/],
    ['not an object', '["ops"]', /SYSTEM_API_USERS: must be a JSON object/],
    ['an entry that is no object', { ops: 'key' }, /SYSTEM_API_USERS: user "ops": must be an object/],
    [
      'a bad role',
      { ops: { keyData, role: 'IAM_OWNER' } },
      /SYSTEM_API_USERS: user "ops": role must be one of SYSTEM_OWNER, SYSTEM_OWNER_VIEWER/,
    ],
    ['no key', { ops: {} }, /SYSTEM_API_USERS: user "ops": give exactly one of keyData and path/],
    ['both keyData and path', { ops: { keyData, path: '/x.pem' } }, /user "ops": give exactly one of keyData and path/],
    [
      'keyData that is no PEM',
      { ops: { keyData: Buffer.from('hello').toString('base64') } },
      /user "ops": keyData .* does not hold a PEM public key/,
    ],
    [
      'a broken PEM',
      {
        ops: {
          keyData: Buffer.from('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n').toString('base64'),
        },
      },
      /user "ops": keyData .* is not a valid PEM public key/,
    ],
    [
      'a key too short',
      { ops: { keyData: Buffer.from(rsa(1024).publicKey.export({ type: 'spki', format: 'pem' })).toString('base64') } },
      /user "ops": keyData .* must be an RSA key of at least 2048 bits/,
    ],
    [
      'a key that is not RSA',
      {
        ops: {
          keyData: Buffer.from(
            generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }),
          ).toString('base64'),
        },
      },
      /user "ops": keyData .* must be an RSA key, not ec/,
    ],
    [
      'a missing key file',
      { ops: { path: '/nonexistent/ops.pem' } },
      /user "ops": cannot read the key file \/nonexistent\/ops.pem \(ENOENT\)/,
    ],
    ['an unknown field', { ops: { KeyData: keyData } }, /user "ops": unknown field KeyData/],
    ['a bad user id', { 'o p s': { keyData } }, /user "o p s": the user id must be/],
  ])('refuses %s with an error that names the variable and the user', (_, value, message) => {
    expect(() => users(value)).toThrow(message);
    expect(() => users(value)).toThrow(/^Invalid configuration:\n {2}SYSTEM_API_USERS: /);
  });

  it('refuses a private key and never echoes it', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    let message = '';
    try {
      users({ ops: { keyData: Buffer.from(pem).toString('base64') } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/SYSTEM_API_USERS: user "ops": keyData .* does not hold a PEM public key/);
    expect(message).not.toContain(pem.split('\n')[1]);
  });

  it('lets production start with system users instead of static tokens', () => {
    const env = { NODE_ENV: 'production', SECRET_KEY: 'a'.repeat(64) };
    expect(() => AppConfig.fromEnvironment(env)).toThrow(
      /SYSTEM_API_TOKENS or SYSTEM_API_USERS: is required when NODE_ENV=production/,
    );
    const c = AppConfig.fromEnvironment({ ...env, SYSTEM_API_USERS: JSON.stringify({ ops: { keyData } }) });
    expect(c.usesDevelopmentCredentials).toBe(false);
  });
});

describe('SYSTEM_API_ISSUER', () => {
  it('defaults to http://localhost:<PORT>', () => {
    expect(config({ PORT: '9090' }).systemApiIssuer).toBe('http://localhost:9090');
    expect(config({}).systemApiIssuer).toBe('http://localhost:8080');
  });

  it('drops a trailing slash', () => {
    expect(config({ SYSTEM_API_ISSUER: 'https://issuer.example.com/' }).systemApiIssuer).toBe(
      'https://issuer.example.com',
    );
  });

  it.each(['issuer.example.com', 'ftp://x', 'https://x?y=1', 'https://'])('refuses %p', (value) => {
    expect(() => config({ SYSTEM_API_ISSUER: value })).toThrow(/SYSTEM_API_ISSUER must be an http\(s\) URL/);
  });
});
