import { Command } from '@nestjs/cqrs';

import { type Operation } from '../../operations/operation';
import { type CreateInstanceInput } from '../../provisioning/create-instance-input';
import { type Id } from '../../shared/id';

export interface CreateInstanceAccepted {
  readonly operationId: Id;
  readonly instanceId: Id;
  /** The operation as reserved (PENDING), for an answer that need not wait for it. */
  readonly operation: Operation;
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
