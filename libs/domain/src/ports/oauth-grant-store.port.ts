import { type Id } from '../shared/id';

/** A machine key as the JWT-bearer grant needs it: the public half, its expiry and its user. */
export interface MachineKeyGrant {
  readonly instanceId: Id;
  readonly keyId: Id;
  readonly publicKeyPem: string;
  readonly expiresAt: Date | null;
  readonly user: { readonly id: Id; readonly kind: string; readonly status: string };
}

export interface NewAccessToken {
  readonly id: Id;
  readonly userId: Id;
  /** SHA-256 digest of the token: the plaintext is never stored. */
  readonly digest: string;
  readonly expiresAt: Date;
}

/** Machine keys and OAuth access tokens (rows of kind 'oauth_access' among the tokens). */
export abstract class OAuthGrantStore {
  abstract findMachineKey(instanceId: Id, keyId: string): Promise<MachineKeyGrant | null>;
  /** Stores the token and drops the user's access tokens that have expired by `at`. */
  abstract storeAccessToken(instanceId: Id, token: NewAccessToken, at: Date): Promise<void>;
}

/** Remembers the `jti` of used assertions until they expire, so that each is accepted once. */
export abstract class AssertionReplayGuard {
  /** True the first time (instance, issuer, jti) is seen before `until`; false for a replay. */
  abstract firstUse(instanceId: Id, issuer: string, jwtId: string, until: Date): Promise<boolean>;
}
