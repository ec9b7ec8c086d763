import { DomainError, ErrorCode } from '../errors';
import { type UserRepository } from '../ports/user-repository.port';
import { isId } from '../shared/id';
import { type TenantCaller } from '../tenancy/tenant-caller';
import { unknownUser, type User } from './user';

/**
 * The user with this id in the caller's instance. Anonymous callers get 401 before anything is looked up; a
 * malformed id, an unknown one or one of another instance are all 404.
 */
export async function existingUser(users: UserRepository, caller: TenantCaller, userId: string): Promise<User> {
  if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
  const user = isId(userId) ? await users.findById(caller.instanceId, userId) : null;
  if (!user) throw unknownUser();
  return user;
}
