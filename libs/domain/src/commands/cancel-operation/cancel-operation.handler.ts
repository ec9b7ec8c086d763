import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { OperationKind } from '../../operations/operation';
import { Clock, OperationRepository, ProvisioningStore } from '../../ports';
import { CancelOutcome } from '../../ports/provisioning-store.port';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { CancelOperationCommand } from './cancel-operation.command';

/**
 * Best effort: a job not yet started never does anything and the operation ends CANCELLED; a running one rolls
 * back at its commit point. Removing an instance cannot be cancelled: the instance is already stopped.
 */
@CommandHandler(CancelOperationCommand)
export class CancelOperationHandler implements ICommandHandler<CancelOperationCommand> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly store: ProvisioningStore,
    private readonly clock: Clock,
  ) {}

  async execute({ operationId }: CancelOperationCommand): Promise<CancelOutcome> {
    const operation = isId(operationId) ? await this.operations.findById(operationId) : null;
    if (!operation) throw DomainError.notFound(`operation ${preview(operationId)} not found`);
    if (operation.kind === OperationKind.RemoveInstance) {
      throw DomainError.invalidField('operationId', 'removing an instance cannot be cancelled');
    }
    return this.store.cancel(operationId, this.clock.now());
  }
}
