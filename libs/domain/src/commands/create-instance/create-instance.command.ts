import { Command } from '@nestjs/cqrs';

import { type CreateInstanceInput } from '../../provisioning/create-instance-input';
import { type Id } from '../../shared/id';

export interface CreateInstanceAccepted {
  readonly operationId: Id;
  readonly instanceId: Id;
}

export class CreateInstanceCommand extends Command<CreateInstanceAccepted> {
  constructor(
    readonly input: CreateInstanceInput,
    /** Digest of the System API credential that asks. */
    readonly callerId: string,
  ) {
    super();
  }
}
