import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireLiveInstance } from '../../instances/admin/require-instance';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { GetInstanceLimitsQuery } from './get-instance-limits.query';

@QueryHandler(GetInstanceLimitsQuery)
export class GetInstanceLimitsHandler implements IQueryHandler<GetInstanceLimitsQuery> {
  constructor(private readonly instances: InstanceAdminRepository) {}

  async execute({ instanceId }: GetInstanceLimitsQuery) {
    await requireLiveInstance(this.instances, instanceId);
    return this.instances.limits(instanceId);
  }
}
