import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

export class RemoveInstanceDomainCommand extends Command<void> {
  constructor(
    readonly instanceId: Id,
    readonly domain: string,
  ) {
    super();
  }
}
