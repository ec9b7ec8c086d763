import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

export class RenameInstanceCommand extends Command<void> {
  constructor(
    readonly instanceId: Id,
    readonly name: unknown,
  ) {
    super();
  }
}
