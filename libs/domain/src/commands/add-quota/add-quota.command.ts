import { Command } from '@nestjs/cqrs';

import { type ObjectDetails } from '../../operations/operation';
import { type QuotaInput } from '../../quotas/quota-input';
import { type Id } from '../../shared/id';

/** `replace` false: AddQuota (ALREADY_EXISTS when the unit has a quota); true: SetQuota (create or replace). */
export class AddQuotaCommand extends Command<ObjectDetails> {
  constructor(
    readonly instanceId: Id,
    readonly input: QuotaInput,
    readonly replace: boolean,
  ) {
    super();
  }
}
