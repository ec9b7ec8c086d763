import { Query } from '@nestjs/cqrs';

import { type InstanceDomainView } from '../../ports/instance-repository.port';
import { type Id } from '../../shared/id';

export class SearchInstanceDomainsQuery extends Query<InstanceDomainView[]> {
  constructor(
    readonly instanceId: Id,
    readonly domains?: readonly string[],
  ) {
    super();
  }
}
