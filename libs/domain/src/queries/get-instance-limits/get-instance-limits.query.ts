import { Query } from '@nestjs/cqrs';
import { InstanceLimits } from '../../ports/instance-admin-repository.port';
import { Id } from '../../shared/id';

export class GetInstanceLimitsQuery extends Query<InstanceLimits> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
