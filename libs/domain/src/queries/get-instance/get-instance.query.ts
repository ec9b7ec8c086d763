import { Query } from '@nestjs/cqrs';

import { type InstanceView } from '../../ports/instance-repository.port';
import { type Id } from '../../shared/id';

export class GetInstanceQuery extends Query<InstanceView> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
