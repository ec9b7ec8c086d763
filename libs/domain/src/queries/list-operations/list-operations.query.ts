import { Query } from '@nestjs/cqrs';

import { type Operation, type OperationKind, type OperationState } from '../../operations/operation';

export interface OperationPage {
  readonly operations: Operation[];
  /** Opaque; absent on the last page. */
  readonly nextPageToken?: string;
}

export class ListOperationsQuery extends Query<OperationPage> {
  constructor(
    readonly filter: {
      instanceId?: string;
      kind?: OperationKind;
      state?: OperationState;
      pageSize: number;
      pageToken?: string;
    },
  ) {
    super();
  }
}
