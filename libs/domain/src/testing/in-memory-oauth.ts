/**
 * In-memory fakes of the JWT-bearer grant's ports, for unit specs only (nothing in the app imports this file). The
 * assertions are not real JWTs: `fakejwt.<base64url JSON of header and claims>.<signature>`, where the signature
 * names the public key it verifies with. That keeps what the handler relies on: decoding before verifying, and a
 * signature that only the right key accepts.
 */
import { createHash } from 'node:crypto';

import {
  type AssertionReplayGuard,
  type DecodedAssertion,
  type JwtAssertionVerifier,
  type MachineKeyGrant,
  type NewAccessToken,
  type OAuthGrantStore,
} from '../ports';
import { type Id } from '../shared/id';

const signatureFor = (publicKeyPem: string) =>
  `sig-${createHash('sha256').update(publicKeyPem, 'utf8').digest('hex').slice(0, 16)}`;

/** A fake assertion with these header fields and claims, signed for the key whose public half is `publicKeyPem`. */
export function fakeAssertion(decoded: DecodedAssertion, publicKeyPem: string): string {
  return `fakejwt.${Buffer.from(JSON.stringify(decoded), 'utf8').toString('base64url')}.${signatureFor(publicKeyPem)}`;
}

export class FakeJwtAssertionVerifier implements JwtAssertionVerifier {
  decode(assertion: string): DecodedAssertion | null {
    const [marker, body] = assertion.split('.');
    if (marker !== 'fakejwt' || !body) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as DecodedAssertion;
    } catch {
      return null;
    }
  }

  async verifySignature(assertion: string, publicKeyPem: string): Promise<boolean> {
    return this.decode(assertion) !== null && assertion.split('.')[2] === signatureFor(publicKeyPem);
  }
}

export class InMemoryOAuthGrantStore implements OAuthGrantStore {
  readonly keys: MachineKeyGrant[] = [];
  readonly accessTokens: (NewAccessToken & { instanceId: Id })[] = [];

  async findMachineKey(instanceId: Id, keyId: string): Promise<MachineKeyGrant | null> {
    return this.keys.find((k) => k.instanceId === instanceId && k.keyId === keyId) ?? null;
  }

  /** Stores the token and drops the user's access tokens that have expired by `at`. */
  async storeAccessToken(instanceId: Id, token: NewAccessToken, at: Date): Promise<void> {
    for (let i = this.accessTokens.length - 1; i >= 0; i--) {
      const t = this.accessTokens[i];
      if (t.instanceId === instanceId && t.userId === token.userId && t.expiresAt <= at) this.accessTokens.splice(i, 1);
    }
    this.accessTokens.push({ instanceId, ...token });
  }
}

/** Remembers every (instance, issuer, jti) it was asked about; what the real guard keeps until `until` stays here. */
export class InMemoryAssertionReplayGuard implements AssertionReplayGuard {
  readonly seen = new Map<string, Date>();

  async firstUse(instanceId: Id, issuer: string, jwtId: string, until: Date): Promise<boolean> {
    const key = `${instanceId} ${issuer} ${jwtId}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, until);
    return true;
  }
}
