import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { DomainError } from '../../errors';
import { checkLabelName, checkLabelProperties, Label } from '../../labels/label';
import { labelEvents } from '../../labels/label-events';
import { BucketRepository, Clock, IdGenerator, LabelRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { CreateLabelCommand } from './create-label.command';

@CommandHandler(CreateLabelCommand)
export class CreateLabelHandler implements ICommandHandler<CreateLabelCommand> {
  constructor(
    private readonly labels: LabelRepository,
    private readonly buckets: BucketRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, input }: CreateLabelCommand): Promise<Label> {
    if (typeof input.orgID !== 'string' || input.orgID === '') throw DomainError.invalidField('orgID', 'is required');
    const name = checkLabelName(input.name);
    const properties = checkLabelProperties(input.properties);
    if (!isId(input.orgID) || !(await this.buckets.orgExists(caller.instanceId, input.orgID))) {
      throw DomainError.notFound(`organization ${preview(input.orgID)} not found`);
    }
    authorize(caller, 'write', { type: 'labels', orgID: input.orgID });
    const label: Label = { id: this.ids.newId(), orgId: input.orgID, name, properties };
    return this.labels.create(caller.instanceId, label, labelEvents.added(label), this.clock.now());
  }
}
