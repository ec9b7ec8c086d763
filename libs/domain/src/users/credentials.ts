import { DomainError, ErrorCode } from '../errors';
import { type PasswordAttempt, type PasswordAttemptLimiter } from '../ports/password-attempt-limiter.port';
import { type PasswordHasher } from '../ports/password-hasher.port';
import { type UserRepository } from '../ports/user-repository.port';
import { type Id } from '../shared/id';
import { type User } from './user';

/** A user name and password as HTTP Basic authentication carries them. */
export interface BasicCredentials {
  readonly name: string;
  readonly password: string;
}

/** What every password check needs: the users, the hasher and the one limiter that counts the attempts. */
export interface PasswordCheck {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly limiter: PasswordAttemptLimiter;
}

/** One answer for a missing, malformed or wrong credential and an unknown user: callers never learn which. */
export function badCredentials(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
}

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();

/** A hash to verify against when there is no user, so that an unknown name costs the same time as a wrong password. */
function dummyHash(hasher: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash('no user has this password: it only keeps the timing even');
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/** An unknown name's account key: the same name in any case or Unicode composition is one account. */
export function unknownAccount(name: string): string {
  return `name:${name.normalize('NFC').toLowerCase()}`;
}

/**
 * The user whose name (any case) and password these are, or null. Every call is counted by the limiter first
 * (429 with Retry-After once over the limit, even for the right password); a right password gives its count back.
 * An inactive user's right password never succeeds (403 "User is inactive", counted as a failure).
 */
export async function verifyCredentials(
  check: PasswordCheck,
  instanceId: Id,
  credentials: BasicCredentials,
  clientAddress: string,
): Promise<User | null> {
  // No user name is empty or holds U+0000 (which PostgreSQL text cannot even hold): such a name is unknown.
  const lookup =
    credentials.name === '' || credentials.name.includes('\u0000')
      ? null
      : await check.users.findCredentials(instanceId, credentials.name);
  const attempt: PasswordAttempt = {
    instanceId,
    account: lookup ? `user:${lookup.user.id}` : unknownAccount(credentials.name),
    clientAddress,
  };
  const admission = await check.limiter.admit(attempt);
  if (!admission.allowed) {
    throw DomainError.tooManyRequests(
      `too many password attempts: retry in ${admission.retryAfterSeconds} s`,
      admission.retryAfterSeconds,
    );
  }
  const hash = lookup?.passwordHash ?? (await dummyHash(check.hasher));
  const matches = await check.hasher.verify(hash, credentials.password).catch(() => false);
  if (!lookup?.passwordHash || !matches) return null;
  if (lookup.user.status !== 'active') throw new DomainError(ErrorCode.PermissionDenied, 'User is inactive');
  await check.limiter.forgive(attempt);
  return lookup.user;
}
