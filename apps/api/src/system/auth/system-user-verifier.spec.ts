import { generateKeyPairSync, type KeyObject } from 'node:crypto';

import { DomainError, ErrorCode } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Logger } from '@nestjs/common';
import { SignJWT } from 'jose';

import { SystemUserVerifier } from './system-user-verifier';

const ISSUER = 'https://issuer.test';
const keys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const ops = keys();
const stranger = keys();
const base64Pem = (key: KeyObject) => Buffer.from(key.export({ type: 'spki', format: 'pem' })).toString('base64');

const config = AppConfig.fromEnvironment({
  NODE_ENV: 'test',
  SYSTEM_API_ISSUER: ISSUER,
  SYSTEM_API_USERS: JSON.stringify({
    ops: { keyData: base64Pem(ops.publicKey) },
    viewer: { keyData: base64Pem(stranger.publicKey), role: 'SYSTEM_OWNER_VIEWER' },
  }),
});
const verifier = new SystemUserVerifier(config);
const now = Math.floor(Date.now() / 1000);

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  exp?: number;
}
function jwt(claims: Claims = {}, key: KeyObject = ops.privateKey, alg = 'RS256'): Promise<string> {
  const c: Claims = { iss: 'ops', sub: 'ops', aud: ISSUER, iat: now, exp: now + 300, ...claims };
  const payload = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(key);
}

async function rejection(token: string): Promise<DomainError> {
  try {
    await verifier.verify(token);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('the JWT was accepted');
}

describe('SystemUserVerifier', () => {
  it('accepts a JWT of a configured user and gives the user with its role', async () => {
    await expect(verifier.verify(await jwt())).resolves.toMatchObject({ id: 'ops', role: 'SYSTEM_OWNER' });
    const viewer = await jwt({ iss: 'viewer', sub: 'viewer' }, stranger.privateKey);
    await expect(verifier.verify(viewer)).resolves.toMatchObject({ id: 'viewer', role: 'SYSTEM_OWNER_VIEWER' });
  });

  it('accepts aud as an array that contains the issuer, with or without a trailing slash', async () => {
    await expect(verifier.verify(await jwt({ aud: ['other', ISSUER] }))).resolves.toMatchObject({ id: 'ops' });
    await expect(verifier.verify(await jwt({ aud: `${ISSUER}/` }))).resolves.toMatchObject({ id: 'ops' });
  });

  it('accepts iat up to 60 s in the future and up to an hour old', async () => {
    await expect(verifier.verify(await jwt({ iat: now + 50 }))).resolves.toBeDefined();
    await expect(verifier.verify(await jwt({ iat: now - 3590 }))).resolves.toBeDefined();
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ['expired', () => jwt({ iat: now - 600, exp: now - 1 }), /has expired/],
    [
      'wrong audience',
      () => jwt({ aud: 'https://elsewhere.test' }),
      /wrong audience: aud must name this service's issuer https:\/\/issuer.test/,
    ],
    ['iat too old', () => jwt({ iat: now - 3700 }), /iat is too old/],
    ['iat in the future', () => jwt({ iat: now + 120 }), /iat lies in the future/],
    [
      'unknown user',
      () => jwt({ iss: 'nobody', sub: 'nobody' }),
      /^invalid system user JWT: unknown system user or bad signature$/,
    ],
    [
      'bad signature',
      () => jwt({}, stranger.privateKey),
      /^invalid system user JWT: unknown system user or bad signature$/,
    ],
    ['sub other than iss', () => jwt({ sub: 'viewer' }), /sub must equal iss/],
    ['no exp', () => jwt({ exp: undefined }), /the claim exp is missing/],
    ['no iat', () => jwt({ iat: undefined }), /the claim iat is missing/],
    ['no aud', () => jwt({ aud: undefined }), /the claim aud is missing/],
    ['no iss', () => jwt({ iss: undefined }), /iss is missing/],
    ['another algorithm', () => jwt({}, ops.privateKey, 'PS256'), /must be signed with RS256/],
    ['a corrupted payload', async () => (await jwt()).replace(/\.[^.]+\./, '.e30x.'), /malformed|bad signature/],
  ])('refuses a JWT that is %s with 16 UNAUTHENTICATED, saying why without the token', async (_, make, message) => {
    const token = await make();
    const error = await rejection(token);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.message).toMatch(message);
    for (const part of token.split('.')) expect(error.message).not.toContain(part);
  });

  it('answers an unknown user as a known one with a bad signature, so that user ids cannot be found out', async () => {
    const pairs: Array<[string, string]> = [
      [await jwt({ iss: 'nobody', sub: 'nobody' }), await jwt({}, stranger.privateKey)],
      [await jwt({ iss: 'nobody', sub: 'nobody' }, ops.privateKey, 'PS256'), await jwt({}, ops.privateKey, 'PS256')],
      [await jwt({ iss: 'nobody', sub: 'nobody', exp: now - 1 }), await jwt({ exp: now - 1 }, stranger.privateKey)],
      [
        await jwt({ iss: 'nobody', sub: 'nobody', aud: 'elsewhere' }),
        await jwt({ aud: 'elsewhere' }, stranger.privateKey),
      ],
    ];
    for (const [unknownUser, knownUser] of pairs) {
      expect((await rejection(unknownUser)).message).toBe((await rejection(knownUser)).message);
    }
  });

  it('logs why a JWT was refused, without the token', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const unknownUser = await jwt({ iss: 'nobody', sub: 'nobody' });
      const badSignature = await jwt({}, stranger.privateKey);
      await rejection(unknownUser);
      await rejection(badSignature);
      const logged = JSON.stringify(warn.mock.calls);
      expect(warn.mock.calls[0][0]).toMatchObject({ iss: 'nobody', reason: 'unknown system user' });
      expect(warn.mock.calls[1][0]).toMatchObject({ iss: 'ops', reason: 'bad signature' });
      for (const part of [...unknownUser.split('.'), ...badSignature.split('.')]) expect(logged).not.toContain(part);
    } finally {
      warn.mockRestore();
    }
  });

  it('tells JWTs from opaque tokens', async () => {
    expect(SystemUserVerifier.isJwt(await jwt())).toBe(true);
    expect(SystemUserVerifier.isJwt('test-system-token-0123456789abcdef')).toBe(false);
    expect(SystemUserVerifier.isJwt('a.b.c')).toBe(false);
    expect(SystemUserVerifier.isJwt(`${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.x`)).toBe(false);
  });
});
