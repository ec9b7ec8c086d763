import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireLiveInstance } from '../../instances/admin/require-instance';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { SearchInstanceDomainsQuery } from './search-instance-domains.query';

@QueryHandler(SearchInstanceDomainsQuery)
export class SearchInstanceDomainsHandler implements IQueryHandler<SearchInstanceDomainsQuery> {
  constructor(private readonly instances: InstanceAdminRepository) {}

  async execute({ instanceId, domains }: SearchInstanceDomainsQuery) {
    await requireLiveInstance(this.instances, instanceId);
    return this.instances.searchDomains(
      instanceId,
      domains?.map((d) => d.toLowerCase()),
    );
  }
}
