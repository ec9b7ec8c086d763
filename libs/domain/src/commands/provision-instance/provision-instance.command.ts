import { Command } from '@nestjs/cqrs';

import { type OperationState } from '../../operations/operation';
import { type Id } from '../../shared/id';

export class ProvisionInstanceCommand extends Command<OperationState> {
  constructor(
    readonly operationId: Id,
    /** When this attempt fails there is no other: the operation must be finished as failed. */
    readonly finalAttempt: boolean,
  ) {
    super();
  }
}
