import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { DomainError } from '../../errors';
import { checkLabelName, checkLabelProperties, checkLabelPropertyCount, Label } from '../../labels/label';
import { labelEvents } from '../../labels/label-events';
import { Clock, LabelChanges, LabelRepository } from '../../ports';
import { findLabelOrThrow } from '../../queries/get-label/get-label.handler';
import { UpdateLabelCommand } from './update-label.command';

/** Properties merge into the existing ones; a property sent as "" is removed (InfluxDB's rule). */
@CommandHandler(UpdateLabelCommand)
export class UpdateLabelHandler implements ICommandHandler<UpdateLabelCommand> {
  constructor(
    private readonly labels: LabelRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, labelId, input }: UpdateLabelCommand): Promise<Label> {
    const label = await findLabelOrThrow(this.labels, caller, labelId);
    authorize(caller, 'write', { type: 'labels', id: label.id, orgID: label.orgId });
    const changes: { -readonly [K in keyof LabelChanges]: LabelChanges[K] } = {};
    if (input.name !== undefined) changes.name = checkLabelName(input.name);
    if (input.properties !== undefined) {
      const merged = { ...label.properties, ...checkLabelProperties(input.properties) };
      changes.properties = checkLabelPropertyCount(
        Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== '')),
      );
    }
    const updated = await this.labels.update(
      caller.instanceId,
      label.id,
      changes,
      labelEvents.changed(label, changes.name ?? label.name),
      this.clock.now(),
    );
    // deleted since it was read
    if (!updated) throw DomainError.notFound('label not found');
    return updated;
  }
}
