import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

export class AddInstanceDomainCommand extends Command<void> {
  constructor(
    readonly instanceId: Id,
    readonly domain: unknown,
  ) {
    super();
  }
}
