import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { bucketVisibility } from '../../buckets/bucket-visibility';
import { DomainError, ErrorCode } from '../../errors';
import { BucketRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { BucketPage, ListBucketsQuery } from './list-buckets.query';

@QueryHandler(ListBucketsQuery)
export class ListBucketsHandler implements IQueryHandler<ListBucketsQuery> {
  constructor(private readonly buckets: BucketRepository) {}

  async execute({ caller, params }: ListBucketsQuery): Promise<BucketPage> {
    if (caller.kind === 'anonymous') throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
    const orgId = await this.orgIdOf(caller.instanceId, params.org, params.orgID);
    if (
      orgId === null ||
      (params.id !== undefined && !isId(params.id)) ||
      (params.after !== undefined && !isId(params.after))
    ) {
      return { buckets: [], hasMore: false };
    }
    const found = await this.buckets.list(caller.instanceId, bucketVisibility(caller), {
      orgId,
      name: params.name,
      id: params.id,
      after: params.after,
      descending: params.descending,
      offset: params.offset,
      limit: params.limit + 1,
    });
    if (found.length === 0 && params.name !== undefined && (params.org !== undefined || params.orgID !== undefined)) {
      throw DomainError.notFound(`bucket "${preview(params.name)}" not found`);
    }
    return { buckets: found.slice(0, params.limit), hasMore: found.length > params.limit };
  }

  /** undefined: no org filter; null: an org id that cannot match anything. */
  private async orgIdOf(instanceId: string, orgName?: string, orgID?: string): Promise<string | undefined | null> {
    if (orgID !== undefined) return isId(orgID) ? orgID : null;
    if (orgName === undefined) return undefined;
    const id = await this.buckets.orgIdByName(instanceId, orgName);
    if (!id) throw DomainError.notFound(`organization name "${preview(orgName)}" not found`);
    return id;
  }
}
