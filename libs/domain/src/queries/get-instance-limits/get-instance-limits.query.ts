import { Query } from '@nestjs/cqrs';

import { type InstanceLimits } from '../../ports/instance-admin-repository.port';
import { type Id } from '../../shared/id';

export class GetInstanceLimitsQuery extends Query<InstanceLimits> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
