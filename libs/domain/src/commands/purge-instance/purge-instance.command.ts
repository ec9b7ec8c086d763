import { Command } from '@nestjs/cqrs';
import { OperationState } from '../../operations/operation';
import { Id } from '../../shared/id';

export class PurgeInstanceCommand extends Command<OperationState> {
  constructor(readonly operationId: Id) {
    super();
  }
}
