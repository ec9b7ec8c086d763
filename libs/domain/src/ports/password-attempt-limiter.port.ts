import { type Id } from '../shared/id';

/** One try of a password, under the two keys the limiter counts it by. */
export interface PasswordAttempt {
  readonly instanceId: Id;
  /**
   * The account tried: `user:<id>` when the name resolves to a user (so every spelling PostgreSQL matches counts
   * as one), else `name:<the name lowercased in NFC>`.
   */
  readonly account: string;
  /** The client's address as the HTTP layer sees it (X-Forwarded-For only with TRUST_PROXY). */
  readonly clientAddress: string;
}

export type AttemptAdmission =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * The one limiter every password check goes through (sign-in, Basic credentials on the password routes), shared by
 * every API process. Each attempt counts under instance + account and, separately, under the client address.
 */
export abstract class PasswordAttemptLimiter {
  /**
   * Counts the attempt before the password is verified, so that concurrent guesses cannot slip past the count.
   * Refused when either key is over its limit for the current window.
   */
  abstract admit(attempt: PasswordAttempt): Promise<AttemptAdmission>;
  /** The password was right: the attempt no longer counts, so that only failures use up the limit. */
  abstract forgive(attempt: PasswordAttempt): Promise<void>;
}
