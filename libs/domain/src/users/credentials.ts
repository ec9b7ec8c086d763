import { DomainError, ErrorCode } from '../errors';
import { PasswordHasher } from '../ports/password-hasher.port';
import { UserRepository } from '../ports/user-repository.port';
import { Id } from '../shared/id';
import { User } from './user';

/** A user name and password as HTTP Basic authentication carries them. */
export interface BasicCredentials {
  readonly name: string;
  readonly password: string;
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

/** The user whose name (any case) and password these are, or null. Runs one password verification either way. */
export async function verifyCredentials(
  users: UserRepository,
  hasher: PasswordHasher,
  instanceId: Id,
  credentials: BasicCredentials,
): Promise<User | null> {
  const found = credentials.name === '' ? null : await users.findCredentials(instanceId, credentials.name);
  const hash = found?.passwordHash ?? (await dummyHash(hasher));
  const matches = await hasher.verify(hash, credentials.password).catch(() => false);
  return found?.passwordHash && matches ? found.user : null;
}
