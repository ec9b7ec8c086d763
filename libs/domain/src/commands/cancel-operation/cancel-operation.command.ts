import { Command } from '@nestjs/cqrs';

import { type CancelOutcome } from '../../ports/provisioning-store.port';
import { type Id } from '../../shared/id';

export class CancelOperationCommand extends Command<CancelOutcome> {
  constructor(readonly operationId: Id) {
    super();
  }
}
