import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Clock, LabelRepository } from '../../ports';
import { findLabelOrThrow } from '../../queries/get-label/get-label.handler';
import { DeleteLabelCommand } from './delete-label.command';

@CommandHandler(DeleteLabelCommand)
export class DeleteLabelHandler implements ICommandHandler<DeleteLabelCommand> {
  constructor(
    private readonly labels: LabelRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, labelId }: DeleteLabelCommand): Promise<void> {
    const label = await findLabelOrThrow(this.labels, caller, labelId);
    authorize(caller, 'write', { type: 'labels', id: label.id, orgID: label.orgId });
    await this.labels.delete(caller.instanceId, label.id, this.clock.now());
  }
}
