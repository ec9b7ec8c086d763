import { execFile } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { SignJWT } from 'jose';

import { fullCreateRequest, http, type HttpAnswer } from '../support/system-api';
import { type TestStack } from '../support/test-stack';

/** ZITADEL's machine key file, as `_create` returns it (base64 of this JSON). */
export interface MachineKeyFile {
  type: string;
  keyId: string;
  key: string;
  expirationDate: string;
  userId: string;
}

export interface KeyedInstance {
  instanceId: string;
  domain: string;
  /** `<generated domain>:<port>`: the Host header a client of the issuer sends. */
  host: string;
  /** `http://<generated domain>:<port>`: the instance's issuer as a client reaches it. */
  issuer: string;
  keyFile: MachineKeyFile;
}

/** `_create` with a machine user holding a JSON key; the key file decoded, and the instance's generated domain. */
export async function createKeyedInstance(stack: TestStack, suffix: string): Promise<KeyedInstance> {
  const { customDomain: _unused, ...request } = fullCreateRequest(suffix);
  const res = await http(stack.baseUrl, 'POST', '/system/v1/instances/_create', { body: request });
  if (res.status !== 200) throw new Error(`_create answered ${res.status}: ${JSON.stringify(res.body)}`);
  const [{ domain }] = await stack.db.query<{ domain: string }>(
    'SELECT domain FROM instance_domains WHERE instance_id = $1 AND is_generated',
    [res.body.instanceId],
  );
  const keyFile = JSON.parse(Buffer.from(res.body.machineKey as string, 'base64').toString('utf8')) as MachineKeyFile;
  const host = `${domain}:${new URL(stack.baseUrl).port}`;
  return { instanceId: res.body.instanceId, domain, host, issuer: `http://${host}`, keyFile };
}

/** What ServiceAccount.authenticate() answered, run in its own Node.js process (see service-account-client.mjs). */
export function serviceAccountAuthenticate(
  keyFile: MachineKeyFile,
  issuer: string,
): Promise<{ accessToken?: string; error?: string; status?: number; body?: unknown }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'service-account-client.mjs'), issuer, '127.0.0.1'],
      { timeout: 60000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`service account client failed: ${error.message} ${stderr}`));
        resolve(JSON.parse(stdout));
      },
    );
    child.stdin!.end(JSON.stringify(keyFile));
  });
}

export interface AssertionOptions {
  key?: KeyObject;
  kid?: string;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  exp?: number;
  jti?: string;
}

/** An RS256 assertion as ServiceAccount signs it, signed with the key file's key unless told otherwise. */
export function signAssertion(
  keyFile: MachineKeyFile,
  audience: string,
  options: AssertionOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(options.jti ? { jti: options.jti } : {})
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? keyFile.keyId })
    .setIssuer(options.iss ?? keyFile.userId)
    .setSubject(options.sub ?? keyFile.userId)
    .setAudience(options.aud ?? audience)
    .setIssuedAt(options.iat ?? now)
    .setExpirationTime(options.exp ?? now + 3600);
  return jwt.sign(options.key ?? createPrivateKey(keyFile.key));
}

export const anotherRsaKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
export const randomJti = (): string => randomUUID();

/** POST /oauth/v2/token as a form, on the given host. */
export function postToken(
  stack: TestStack,
  host: string,
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<HttpAnswer> {
  return http(stack.baseUrl, 'POST', '/oauth/v2/token', {
    token: null,
    headers: { host, 'content-type': contentType },
    rawBody: contentType.includes('json') ? JSON.stringify(form) : new URLSearchParams(form).toString(),
  });
}
