/** A session lives 60 minutes from sign-in; signing out or deleting the user ends it earlier. */
export const SESSION_TTL_SECONDS = 60 * 60;

/** What sign-in hands back: the cookie value, shown once, never stored. */
export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}
