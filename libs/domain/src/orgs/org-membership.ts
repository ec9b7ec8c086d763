import { DomainError, ErrorCode } from '../errors';
import { preview } from '../shared/text';
import { type OrgRole } from './org';

export function roleName(role: OrgRole): string {
  return role === 'owner' ? 'an owner' : 'a member';
}

export function alreadyInOrg(userName: string, role: OrgRole, orgName: string): DomainError {
  return new DomainError(
    ErrorCode.Conflict,
    `user ${userName} is already ${roleName(role)} of organization ${orgName}`,
  );
}

export function userNotFound(userId: string): DomainError {
  return DomainError.notFound(`user ${preview(userId)} not found`);
}
