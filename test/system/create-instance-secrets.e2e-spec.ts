import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

import { fullCreateRequest, http, waitForOperation } from '../support/system-api';
import { TestStack } from '../support/test-stack';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** An RS256 JWT as a ZITADEL machine user makes one for the JWT profile grant. */
function signJwt(privateKeyPem: string, keyId: string, userId: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: keyId, typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url(
    JSON.stringify({ iss: userId, sub: userId, aud: 'https://test.localhost', iat: now, exp: now + 300 }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKeyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}

function verifyJwt(jwt: string, publicKeyPem: string): boolean {
  const [header, payload, signature] = jwt.split('.');
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, 'base64url'),
  );
}

describe('secrets of a new instance', () => {
  let stack: TestStack;
  let request: ReturnType<typeof fullCreateRequest>;
  let created: { instanceId: string; pat: string; machineKey: string };

  beforeAll(async () => {
    stack = await TestStack.start({ config: { LOG_LEVEL: 'trace' } });
    request = fullCreateRequest('secrets');
    const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', {
      body: request,
      headers: { Prefer: 'respond-async' },
    });
    const { state, result } = await waitForOperation(stack.baseUrl, res.body.id);
    if (state !== 'SUCCEEDED' || !result?.instanceId || !result.pat || !result.machineKey)
      throw new Error(`create ended ${state}`);
    created = { instanceId: result.instanceId, pat: result.pat, machineKey: result.machineKey };
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('returns a ZITADEL key file whose private key signs JWTs that the stored public key verifies', async () => {
    const file = JSON.parse(Buffer.from(created.machineKey, 'base64').toString('utf8'));
    expect(Object.keys(file).sort()).toEqual(['expirationDate', 'key', 'keyId', 'type', 'userId']);
    expect(file.type).toBe('serviceaccount');
    expect(file.key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(new Date(file.expirationDate).toISOString()).toBe('2519-04-01T08:45:00.000Z');

    const [stored] = await stack.db.query<{ id: string; user_id: string; public_key_pem: string }>(
      'SELECT id, user_id, public_key_pem FROM machine_keys WHERE instance_id = $1',
      [created.instanceId],
    );
    expect(file.keyId).toBe(stored.id);
    const [machine] = await stack.db.query<{ id: string }>(
      "SELECT id FROM users WHERE instance_id = $1 AND kind = 'machine'",
      [created.instanceId],
    );
    expect(file.userId).toBe(machine.id);
    expect(createPublicKey(stored.public_key_pem).asymmetricKeyDetails?.modulusLength).toBe(2048);

    const jwt = signJwt(file.key, file.keyId, file.userId);
    expect(verifyJwt(jwt, stored.public_key_pem)).toBe(true);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    expect(verifyJwt(signJwt(stranger, file.keyId, file.userId), stored.public_key_pem)).toBe(false);
  });

  it('stores only the SHA-256 digest of the PAT', async () => {
    expect(created.pat).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [token] = await stack.db.query<{ digest: string }>('SELECT digest FROM tokens WHERE instance_id = $1', [
      created.instanceId,
    ]);
    expect(token.digest).toBe(createHash('sha256').update(created.pat).digest('hex'));
  });

  describe('no plaintext secret is stored, queued or logged', () => {
    function secrets(): Record<string, string> {
      const file = JSON.parse(Buffer.from(created.machineKey, 'base64').toString('utf8'));
      const keyBody = (file.key as string).split('\n').slice(1, -2).join('');
      return {
        password: request.human.password.password,
        pat: created.pat,
        'machine key file': created.machineKey,
        'private key line': (file.key as string).split('\n')[1],
        // past the modulus, which the public key shares: the private exponent and primes
        'private key body': keyBody.slice(800, 864),
      };
    }

    function expectNoSecretIn(text: string) {
      expect(text.length).toBeGreaterThan(0);
      for (const [name, secret] of Object.entries(secrets())) {
        expect({ name, found: text.includes(secret) }).toEqual({ name, found: false });
      }
    }

    it('in any table of the database', async () => {
      const tables = await stack.db.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
      );
      let text = '';
      for (const { tablename } of tables) {
        const rows = await stack.db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${tablename}" t`);
        text += rows.map((r) => r.row).join('\n');
      }
      expect(text).toContain(created.instanceId);
      expectNoSecretIn(text);
    });

    it('in Redis, where the job carries the operation id alone', async () => {
      const dump = await stack.redis.dump();
      expect(dump).toContain('provision-instance');
      expectNoSecretIn(dump);
    });

    it('in the logs of the API and the worker', () => {
      const logs = stack.logs.text();
      expect(logs).toContain('provisioning job done');
      expectNoSecretIn(logs);
    });
  });
});
