import { Command } from '@nestjs/cqrs';
import { CancelOutcome } from '../../ports/provisioning-store.port';
import { Id } from '../../shared/id';

export class CancelOperationCommand extends Command<CancelOutcome> {
  constructor(readonly operationId: Id) {
    super();
  }
}
