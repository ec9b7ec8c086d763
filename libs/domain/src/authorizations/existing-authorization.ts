import { DomainError } from '../errors';
import { type AuthorizationRepository } from '../ports/authorization-repository.port';
import { type Id, isId } from '../shared/id';
import { type Authorization, AUTHORIZATION_NOT_FOUND } from './authorization';

/** The authorization with this id in the instance; malformed, unknown and other instances' ids are all 404. */
export async function existingAuthorization(
  repo: AuthorizationRepository,
  instanceId: Id,
  authId: string,
): Promise<Authorization> {
  const auth = isId(authId) ? await repo.findById(instanceId, authId) : null;
  if (!auth) throw DomainError.notFound(AUTHORIZATION_NOT_FOUND);
  return auth;
}
