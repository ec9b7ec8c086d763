import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { DomainError } from '../../errors';
import { Label } from '../../labels/label';
import { LabelRepository } from '../../ports';
import { isId } from '../../shared/id';
import { TenantCaller } from '../../tenancy/tenant-caller';
import { GetLabelQuery } from './get-label.query';

export async function findLabelOrThrow(labels: LabelRepository, caller: TenantCaller, labelId: string): Promise<Label> {
  const label = isId(labelId) ? await labels.find(caller.instanceId, labelId) : null;
  if (!label) throw DomainError.notFound('label not found');
  return label;
}

@QueryHandler(GetLabelQuery)
export class GetLabelHandler implements IQueryHandler<GetLabelQuery> {
  constructor(private readonly labels: LabelRepository) {}

  async execute({ caller, labelId }: GetLabelQuery): Promise<Label> {
    requireAuthenticated(caller);
    const label = await findLabelOrThrow(this.labels, caller, labelId);
    authorize(caller, 'read', { type: 'labels', id: label.id, orgID: label.orgId });
    return label;
  }
}
