import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

export class RemoveInstanceCommand extends Command<{ operationId: Id }> {
  constructor(
    readonly instanceId: Id,
    readonly callerId: string,
  ) {
    super();
  }
}
