import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { existingOrg } from '../../orgs/existing-org';
import { Org } from '../../orgs/org';
import { orgResource } from '../../orgs/org-access';
import { OrgRepository } from '../../ports';
import { GetOrgQuery } from './get-org.query';

@QueryHandler(GetOrgQuery)
export class GetOrgHandler implements IQueryHandler<GetOrgQuery> {
  constructor(private readonly orgs: OrgRepository) {}

  async execute({ caller, orgId }: GetOrgQuery): Promise<Org> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'read', orgResource(org.id));
    return org;
  }
}
