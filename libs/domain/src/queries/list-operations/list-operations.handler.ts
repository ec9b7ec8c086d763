import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError } from '../../errors';
import { OperationRepository } from '../../ports';
import { isId } from '../../shared/id';
import { ListOperationsQuery, OperationPage } from './list-operations.query';

/** A page token is the position of the last operation of a page: `<created at ISO>|<id>`, base64url. */
function decodePageToken(token: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !isId(id))
    throw DomainError.invalidField('pageToken', 'is not a page token of this list');
  return { createdAt, id };
}

function encodePageToken(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

@QueryHandler(ListOperationsQuery)
export class ListOperationsHandler implements IQueryHandler<ListOperationsQuery> {
  constructor(private readonly operations: OperationRepository) {}

  async execute({ filter }: ListOperationsQuery): Promise<OperationPage> {
    if (filter.instanceId !== undefined && !isId(filter.instanceId)) return { operations: [] };
    const found = await this.operations.list({
      instanceId: filter.instanceId,
      kind: filter.kind,
      state: filter.state,
      before: filter.pageToken ? decodePageToken(filter.pageToken) : undefined,
      limit: filter.pageSize + 1,
    });
    const operations = found.slice(0, filter.pageSize);
    const last = operations[operations.length - 1];
    return found.length > filter.pageSize && last
      ? { operations, nextPageToken: encodePageToken(last.createdAt, last.id) }
      : { operations };
  }
}
