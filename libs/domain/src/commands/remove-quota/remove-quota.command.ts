import { Command } from '@nestjs/cqrs';

import { type ObjectDetails } from '../../operations/operation';
import { type Id } from '../../shared/id';

export class RemoveQuotaCommand extends Command<ObjectDetails> {
  constructor(
    readonly instanceId: Id,
    /** As the path carries it: the enum name or its number. */
    readonly unit: string,
  ) {
    super();
  }
}
