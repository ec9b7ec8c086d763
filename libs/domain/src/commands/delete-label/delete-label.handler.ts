import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { DomainError } from '../../errors';
import { labelEvents } from '../../labels/label-events';
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
    // false: deleted by someone else since it was read
    if (!(await this.labels.delete(caller.instanceId, label.id, labelEvents.removed(label), this.clock.now()))) {
      throw DomainError.notFound('label not found');
    }
  }
}
