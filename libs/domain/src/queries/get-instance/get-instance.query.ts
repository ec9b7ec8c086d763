import { Query } from '@nestjs/cqrs';
import { InstanceView } from '../../ports/instance-repository.port';
import { Id } from '../../shared/id';

export class GetInstanceQuery extends Query<InstanceView> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
