import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { existingOrg } from '../../orgs/existing-org';
import { OrgMember } from '../../orgs/org';
import { orgResource } from '../../orgs/org-access';
import { OrgRepository } from '../../ports';
import { ListOrgMembersQuery } from './list-org-members.query';

@QueryHandler(ListOrgMembersQuery)
export class ListOrgMembersHandler implements IQueryHandler<ListOrgMembersQuery> {
  constructor(private readonly orgs: OrgRepository) {}

  async execute({ caller, orgId, role }: ListOrgMembersQuery): Promise<OrgMember[]> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'read', orgResource(org.id));
    return this.orgs.listMembers(caller.instanceId, org.id, role);
  }
}
