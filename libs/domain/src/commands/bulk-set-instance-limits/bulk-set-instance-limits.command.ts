import { Command } from '@nestjs/cqrs';

import { type ObjectDetails } from '../../operations/operation';
import { type InstanceLimits } from '../../ports/instance-admin-repository.port';
import { type Id } from '../../shared/id';

export interface BulkLimitsItem {
  readonly instanceId: Id;
  readonly limits: Partial<InstanceLimits>;
  /** ZITADEL's audit log retention: accepted, and has no effect here (there is no audit log to trim). */
  readonly auditLogRetention?: string;
}

/** ZITADEL's BulkSetLimits; answers each target's details in request order. */
export class BulkSetInstanceLimitsCommand extends Command<ObjectDetails[]> {
  constructor(readonly items: readonly BulkLimitsItem[]) {
    super();
  }
}
