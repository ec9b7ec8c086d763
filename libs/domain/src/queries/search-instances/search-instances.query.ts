import { Query } from '@nestjs/cqrs';

import { type InstanceSearch } from '../../ports/instance-admin-repository.port';
import { type InstanceView } from '../../ports/instance-repository.port';

export class SearchInstancesQuery extends Query<{ total: number; instances: InstanceView[] }> {
  constructor(readonly search: InstanceSearch) {
    super();
  }
}
