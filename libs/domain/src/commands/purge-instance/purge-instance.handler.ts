import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { isTerminal, OperationState } from '../../operations/operation';
import { Clock, InstanceRemovalStore, OperationRepository } from '../../ports';
import { PurgeInstanceCommand } from './purge-instance.command';

/** The worker half of DELETE /system/v1/instances/{id}; retried until it succeeds, since a stopped instance must not linger half-deleted. */
@CommandHandler(PurgeInstanceCommand)
export class PurgeInstanceHandler implements ICommandHandler<PurgeInstanceCommand> {
  constructor(
    private readonly operations: OperationRepository,
    private readonly removal: InstanceRemovalStore,
    private readonly clock: Clock,
  ) {}

  async execute({ operationId }: PurgeInstanceCommand): Promise<OperationState> {
    const operation = await this.operations.findById(operationId);
    if (!operation || isTerminal(operation.state)) return operation?.state ?? OperationState.Failed;
    // Finished by another delivery since it was read: nothing left to purge.
    if (!(await this.operations.markRunning(operationId, this.clock.now()))) return operation.state;
    await this.operations.recordProgress(operationId, {
      currentStep: 'PURGE_INSTANCE',
      completedSteps: 0,
      totalSteps: 1,
    });
    await this.removal.purge(operationId, this.clock.now());
    return OperationState.Succeeded;
  }
}
