import { Command } from '@nestjs/cqrs';

import { type InstanceLimits } from '../../ports/instance-admin-repository.port';
import { type Id } from '../../shared/id';

/** `limits` null resets every limit (DELETE /limits). */
export class SetInstanceLimitsCommand extends Command<void> {
  constructor(
    readonly instanceId: Id,
    readonly limits: Partial<InstanceLimits> | null,
  ) {
    super();
  }
}
