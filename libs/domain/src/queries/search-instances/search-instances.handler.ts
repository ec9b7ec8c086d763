import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { SearchInstancesQuery } from './search-instances.query';

@QueryHandler(SearchInstancesQuery)
export class SearchInstancesHandler implements IQueryHandler<SearchInstancesQuery> {
  constructor(private readonly instances: InstanceAdminRepository) {}

  execute({ search }: SearchInstancesQuery) {
    return this.instances.search(search);
  }
}
