import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { InstanceRepository, InstanceView } from '../../ports/instance-repository.port';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { GetInstanceQuery } from './get-instance.query';

@QueryHandler(GetInstanceQuery)
export class GetInstanceHandler implements IQueryHandler<GetInstanceQuery> {
  constructor(private readonly instances: InstanceRepository) {}

  async execute({ instanceId }: GetInstanceQuery): Promise<InstanceView> {
    const instance = isId(instanceId) ? await this.instances.findById(instanceId) : null;
    if (!instance) throw DomainError.notFound(`instance ${preview(instanceId)} not found`);
    return instance;
  }
}
