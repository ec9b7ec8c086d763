import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { DomainError, ErrorCode } from '../../errors';
import { existingOrg } from '../../orgs/existing-org';
import { OrgMember } from '../../orgs/org';
import { orgResource } from '../../orgs/org-access';
import { orgEvents } from '../../orgs/org-events';
import { alreadyInOrg, userNotFound } from '../../orgs/org-membership';
import { Clock, OrgRepository } from '../../ports';
import { isId } from '../../shared/id';
import { AddOrgMemberCommand } from './add-org-member.command';

/**
 * InfluxDB keeps one role per user and org: adding a member as owner upgrades it; adding a user again with the
 * role it has, or an owner as member, conflicts.
 */
@CommandHandler(AddOrgMemberCommand)
export class AddOrgMemberHandler implements ICommandHandler<AddOrgMemberCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, orgId, userId, role }: AddOrgMemberCommand): Promise<OrgMember> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'write', orgResource(org.id));
    if (userId === undefined || !isId(userId)) {
      throw new DomainError(ErrorCode.InvalidArgument, 'user id missing or invalid', [
        { field: 'id', description: 'must be a user id' },
      ]);
    }
    const user = await this.orgs.findUser(caller.instanceId, userId);
    if (!user) throw userNotFound(userId);
    const current = await this.orgs.findRole(caller.instanceId, org.id, user.id);
    const at = this.clock.now();
    if (current === null) {
      await this.orgs.addMember(
        caller.instanceId,
        org.id,
        user.id,
        role,
        orgEvents.memberAdded(org.id, user.id, role),
        at,
      );
    } else if (current === 'member' && role === 'owner') {
      const event = orgEvents.roleChanged(org.id, user.id, 'member', 'owner');
      if (!(await this.orgs.changeRole(caller.instanceId, org.id, user.id, 'member', 'owner', event, at))) {
        throw alreadyInOrg(user.name, role, org.name);
      }
    } else {
      throw alreadyInOrg(user.name, current, org.name);
    }
    return { id: user.id, name: user.name, status: user.status, role };
  }
}
