import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { isAllowed } from '../../authorization/authorize';
import { Authorization } from '../../authorizations/authorization';
import { authorizationResource } from '../../authorizations/authorization-access';
import { DomainError } from '../../errors';
import { AuthorizationRepository, OrgRepository } from '../../ports';
import { Id, isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { ListAuthorizationsQuery } from './list-authorizations.query';

function checkedId(value: string | undefined, field: string): Id | undefined {
  if (value !== undefined && !isId(value)) throw DomainError.invalidField(field, 'must be 16 lowercase hex characters');
  return value;
}

@QueryHandler(ListAuthorizationsQuery)
export class ListAuthorizationsHandler implements IQueryHandler<ListAuthorizationsQuery> {
  constructor(
    private readonly authorizations: AuthorizationRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async execute({ caller, filter }: ListAuthorizationsQuery): Promise<Authorization[]> {
    requireAuthenticated(caller);
    const ids = [checkedId(filter.userId, 'userID')];
    const orgIds = [checkedId(filter.orgId, 'orgID')];
    if (filter.userName !== undefined) {
      const user = await this.orgs.findUserByName(caller.instanceId, filter.userName);
      if (!user) throw DomainError.notFound(`user "${preview(filter.userName)}" not found`);
      ids.push(user.id);
    }
    if (filter.orgName !== undefined) {
      const org = await this.orgs.findByName(caller.instanceId, filter.orgName);
      if (!org) throw DomainError.notFound(`organization name "${preview(filter.orgName)}" not found`);
      orgIds.push(org.id);
    }
    const userId = single(ids);
    const orgId = single(orgIds);
    if (userId === null || orgId === null) return [];
    const all = await this.authorizations.list(caller.instanceId, { userId, orgId });
    return all.filter((a) => isAllowed(caller, 'read', authorizationResource(a)));
  }
}

/** The one id several filters agree on; undefined without filter; null when they disagree (nothing matches). */
function single(values: (Id | undefined)[]): Id | undefined | null {
  const given = [...new Set(values.filter((v): v is Id => v !== undefined))];
  return given.length > 1 ? null : given[0];
}
