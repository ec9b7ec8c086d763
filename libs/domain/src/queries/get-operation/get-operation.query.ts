import { Query } from '@nestjs/cqrs';

import { type OperationView } from '../../operations/operation-view';
import { type Id } from '../../shared/id';

export class GetOperationQuery extends Query<OperationView> {
  constructor(
    readonly operationId: Id,
    readonly callerId: string,
    /** Wait up to this long for the operation to finish; 0 reads it as it is. */
    readonly waitMs = 0,
  ) {
    super();
  }
}
