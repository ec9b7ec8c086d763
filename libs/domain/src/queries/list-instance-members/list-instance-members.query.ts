import { Query } from '@nestjs/cqrs';

import { type InstanceMemberView } from '../../ports/instance-member-repository.port';
import { type Id } from '../../shared/id';
import { type TextQuery } from '../../shared/text-query';

/** One element of ZITADEL's `queries`: every member matches all the conditions it holds (the list is ANDed). */
export interface MemberCondition {
  readonly userId?: Id;
  readonly email?: TextQuery;
  readonly firstName?: TextQuery;
  readonly lastName?: TextQuery;
}

export interface MemberSearch {
  readonly offset: number;
  readonly limit: number;
  readonly asc: boolean;
  readonly conditions: readonly MemberCondition[];
}

export class ListInstanceMembersQuery extends Query<{ total: number; members: InstanceMemberView[] }> {
  constructor(
    readonly instanceId: Id,
    readonly search: MemberSearch,
  ) {
    super();
  }
}
