import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { DomainError } from '../../errors';
import { existingOrg } from '../../orgs/existing-org';
import { readableOrgIds } from '../../orgs/org-access';
import { OrgRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { ListOrgsQuery, OrgPage } from './list-orgs.query';

@QueryHandler(ListOrgsQuery)
export class ListOrgsHandler implements IQueryHandler<ListOrgsQuery> {
  constructor(private readonly orgs: OrgRepository) {}

  async execute({ caller, filter, page }: ListOrgsQuery): Promise<OrgPage> {
    requireAuthenticated(caller);
    if (filter.userId !== undefined && !isId(filter.userId)) {
      throw DomainError.invalidField('userID', 'must be 16 lowercase hex characters');
    }
    // As InfluxDB: a name or id that no org has is 404; one the caller may not read is an empty list.
    if (filter.id !== undefined) await existingOrg(this.orgs, caller.instanceId, filter.id);
    if (filter.name !== undefined && !(await this.orgs.findByName(caller.instanceId, filter.name))) {
      throw DomainError.notFound(`organization name "${preview(filter.name)}" not found`);
    }
    // One more than asked tells whether another page follows.
    const orgs = await this.orgs.list(
      caller.instanceId,
      { name: filter.name, id: filter.id, userId: filter.userId, visibleIds: readableOrgIds(caller) },
      { ...page, limit: page.limit + 1 },
    );
    return { orgs: orgs.slice(0, page.limit), hasMore: orgs.length > page.limit };
  }
}
