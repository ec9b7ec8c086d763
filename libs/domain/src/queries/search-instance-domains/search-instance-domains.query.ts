import { Query } from '@nestjs/cqrs';
import { InstanceDomainView } from '../../ports/instance-repository.port';
import { Id } from '../../shared/id';

export class SearchInstanceDomainsQuery extends Query<InstanceDomainView[]> {
  constructor(
    readonly instanceId: Id,
    readonly domains?: readonly string[],
  ) {
    super();
  }
}
