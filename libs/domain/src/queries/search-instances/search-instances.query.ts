import { Query } from '@nestjs/cqrs';
import { InstanceSearch } from '../../ports/instance-admin-repository.port';
import { InstanceView } from '../../ports/instance-repository.port';

export class SearchInstancesQuery extends Query<{ total: number; instances: InstanceView[] }> {
  constructor(readonly search: InstanceSearch) {
    super();
  }
}
