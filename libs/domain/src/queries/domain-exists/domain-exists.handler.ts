import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { checkDomainName, hostWithoutPort } from '../../instances/domain-name';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { DomainExistsQuery } from './domain-exists.query';

@QueryHandler(DomainExistsQuery)
export class DomainExistsHandler implements IQueryHandler<DomainExistsQuery> {
  constructor(private readonly instances: InstanceAdminRepository) {}

  execute({ domain }: DomainExistsQuery): Promise<boolean> {
    return this.instances.domainExists(hostWithoutPort(checkDomainName(domain, 'domain')));
  }
}
