import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

/** Whether an authenticated tenant request may go on under the instance's request quota. */
export type QuotaVerdict =
  { readonly exhausted: false } | { readonly exhausted: true; readonly retryAfterSeconds: number };

/** Counts one authenticated tenant API request against UNIT_REQUESTS_ALL_AUTHENTICATED. */
export class ChargeTenantRequestCommand extends Command<QuotaVerdict> {
  constructor(readonly instanceId: Id) {
    super();
  }
}
