/** A signed-in operator console session: who signed in (never their credential) and its CSRF token. */
export interface ConsoleSession {
  /** The System API caller id: a SYSTEM_API_TOKENS digest or `user:<id>`. */
  readonly callerId: string;
  /** The role at sign-in (re-read from the configuration on every request). */
  readonly role: string;
  /** Sent back by the page as X-CSRF-Token on every change. */
  readonly csrfToken: string;
}

/**
 * Where console sessions live, keyed by the digest of the session id (the id itself exists only in the browser's
 * cookie). Entries expire by themselves.
 */
export abstract class ConsoleSessionStore {
  abstract save(digest: string, session: ConsoleSession, ttlSeconds: number): Promise<void>;
  abstract find(digest: string): Promise<ConsoleSession | null>;
  abstract remove(digest: string): Promise<void>;
}
