import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError, ErrorCode } from '../../errors';
import { Label } from '../../labels/label';
import { LabelRepository } from '../../ports';
import { isId } from '../../shared/id';
import { ListLabelsQuery } from './list-labels.query';

/** Only labels of orgs whose labels the caller may read; filtering happens in the query. */
@QueryHandler(ListLabelsQuery)
export class ListLabelsHandler implements IQueryHandler<ListLabelsQuery> {
  constructor(private readonly labels: LabelRepository) {}

  async execute({ caller, filter }: ListLabelsQuery): Promise<Label[]> {
    if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
    if (filter.orgID !== undefined && !isId(filter.orgID)) return [];
    const readable = caller.permissions.filter(
      (p) => p.action === 'read' && p.resource.type === 'labels' && p.resource.id === undefined,
    );
    const orgIds = readable.some((p) => p.resource.orgID === undefined)
      ? 'all'
      : readable.map((p) => p.resource.orgID!);
    return this.labels.list(caller.instanceId, orgIds, { orgId: filter.orgID, name: filter.name });
  }
}
