import { Command } from '@nestjs/cqrs';

import { type OperationState } from '../../operations/operation';
import { type Id } from '../../shared/id';

export class OnboardCommand extends Command<OperationState> {
  constructor(
    readonly operationId: Id,
    readonly finalAttempt: boolean,
  ) {
    super();
  }
}
