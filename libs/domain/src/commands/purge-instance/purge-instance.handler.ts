import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { OperationState } from '../../operations/operation';
import { runOperation } from '../../operations/run-operation';
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

  /** No `failures`: a failed purge is retried rather than finished as failed (it runs in one transaction, so each try starts clean). */
  execute({ operationId }: PurgeInstanceCommand): Promise<OperationState> {
    const { operations, clock } = this;
    return runOperation({ operations, clock, operationId, finalAttempt: false }, async () => {
      await this.operations.recordProgress(operationId, {
        currentStep: 'PURGE_INSTANCE',
        completedSteps: 0,
        totalSteps: 1,
      });
      await this.removal.purge(operationId, this.clock.now());
      return OperationState.Succeeded;
    });
  }
}
