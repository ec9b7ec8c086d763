import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError, ErrorCode } from '../../errors';
import { UserRepository } from '../../ports';
import { isId } from '../../shared/id';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { User } from '../../users/user';
import { ListUsersQuery } from './list-users.query';

/** `read:users` lists every user of the instance, `read:users/<id>` that one; others see an empty list, as in InfluxDB. */
@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ caller, params }: ListUsersQuery): Promise<User[]> {
    if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
    if ((params.id !== undefined && !isId(params.id)) || (params.after !== undefined && !isId(params.after))) return [];
    const visibleIds = readableUsers(caller);
    if (visibleIds !== 'all' && visibleIds.length === 0) return [];
    return this.users.list(
      caller.instanceId,
      { id: params.id, name: params.name, visibleIds },
      { offset: params.offset, limit: params.limit, after: params.after },
    );
  }
}

/** Users permissions apply to users only without an org scope (users do not belong to orgs). */
function readableUsers(caller: TenantCaller): 'all' | string[] {
  const granted = caller.permissions.filter(
    (p) => p.action === 'read' && p.resource.type === 'users' && p.resource.orgID === undefined,
  );
  if (granted.some((p) => p.resource.id === undefined)) return 'all';
  return [...new Set(granted.map((p) => p.resource.id!))];
}
