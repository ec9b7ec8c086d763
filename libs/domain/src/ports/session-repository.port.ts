import { type Id } from '../shared/id';

export interface NewSession {
  readonly id: Id;
  readonly userId: Id;
  /** SHA-256 digest of the session id the cookie carries: the plaintext is never stored. */
  readonly digest: string;
  readonly expiresAt: Date;
}

/** Browser sessions (rows of kind 'session' among the tokens). Their permissions are the user's, computed per request. */
export abstract class SessionRepository {
  /** Stores the session and drops the user's sessions that have expired by `at`. */
  abstract create(instanceId: Id, session: NewSession, at: Date): Promise<void>;
  /** False when there was no such session. */
  abstract remove(instanceId: Id, sessionId: Id): Promise<boolean>;
}
