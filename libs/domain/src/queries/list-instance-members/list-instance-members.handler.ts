import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireLiveInstance } from '../../instances/admin/require-instance';
import { InstanceAdminRepository } from '../../ports/instance-admin-repository.port';
import { InstanceMemberRepository, InstanceMemberView } from '../../ports/instance-member-repository.port';
import { matchesText } from '../../shared/text-query';
import { ListInstanceMembersQuery, MemberCondition } from './list-instance-members.query';

function matches(member: InstanceMemberView, c: MemberCondition): boolean {
  return (
    (c.userId === undefined || member.userId === c.userId) &&
    (c.email === undefined || matchesText(member.email, c.email)) &&
    (c.firstName === undefined || matchesText(member.firstName, c.firstName)) &&
    (c.lastName === undefined || matchesText(member.lastName, c.lastName))
  );
}

/** ZITADEL's ListIAMMembers: an instance has few owners, so they are filtered and paged here. */
@QueryHandler(ListInstanceMembersQuery)
export class ListInstanceMembersHandler implements IQueryHandler<ListInstanceMembersQuery> {
  constructor(
    private readonly instances: InstanceAdminRepository,
    private readonly members: InstanceMemberRepository,
  ) {}

  async execute({ instanceId, search }: ListInstanceMembersQuery) {
    await requireLiveInstance(this.instances, instanceId);
    const owners = (await this.members.owners(instanceId)).filter((m) => search.conditions.every((c) => matches(m, c)));
    if (!search.asc) owners.reverse();
    return { total: owners.length, members: owners.slice(search.offset, search.offset + search.limit) };
  }
}
