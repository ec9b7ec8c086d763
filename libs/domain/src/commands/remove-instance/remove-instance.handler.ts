import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { InstanceState } from '../../instances/instance-state';
import { Clock, IdGenerator, InstanceAdminRepository, InstanceRemovalStore, ProvisioningQueue } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { RemoveInstanceCommand } from './remove-instance.command';

/** Stops the instance at once and hands the deletion of its data to the worker. Asking again joins the same operation. */
@CommandHandler(RemoveInstanceCommand)
export class RemoveInstanceHandler implements ICommandHandler<RemoveInstanceCommand> {
  constructor(
    private readonly admin: InstanceAdminRepository,
    private readonly removal: InstanceRemovalStore,
    private readonly queue: ProvisioningQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ instanceId, callerId }: RemoveInstanceCommand): Promise<{ operationId: string }> {
    const state = isId(instanceId) ? await this.admin.state(instanceId) : null;
    if (!state || state === InstanceState.Stopped)
      throw DomainError.notFound(`instance ${preview(instanceId)} not found`);
    const { operationId } = await this.removal.beginRemoval(instanceId, this.ids.newId(), callerId, this.clock.now());
    // Enqueuing again is harmless (job id = operation id) and heals a removal whose first enqueue was lost.
    await this.queue.enqueueRemoval(operationId);
    return { operationId };
  }
}
