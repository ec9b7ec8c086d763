import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { DomainError } from '../../errors';
import { existingOrg } from '../../orgs/existing-org';
import { orgResource } from '../../orgs/org-access';
import { orgEvents } from '../../orgs/org-events';
import { roleName } from '../../orgs/org-membership';
import { ownerRemovalGuard } from '../../orgs/owner-rules';
import { Clock, OrgRepository } from '../../ports';
import { isId } from '../../shared/id';
import { preview } from '../../shared/text';
import { RemoveOrgMemberCommand } from './remove-org-member.command';

/**
 * Removes the user's membership when it has the role of the route (an owner is not removed through /members). An
 * owner is never the org's last one, and an instance operator is removed only by an operator or itself.
 */
@CommandHandler(RemoveOrgMemberCommand)
export class RemoveOrgMemberHandler implements ICommandHandler<RemoveOrgMemberCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, orgId, userId, role }: RemoveOrgMemberCommand): Promise<void> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'write', orgResource(org.id));
    const notMember = () =>
      DomainError.notFound(`user ${preview(userId)} is not ${roleName(role)} of organization ${org.name}`);
    const user = isId(userId) ? await this.orgs.findUser(caller.instanceId, userId) : null;
    if (!user) throw notMember();
    const guard = role === 'owner' ? ownerRemovalGuard(caller, org.id, user) : undefined;
    const event = orgEvents.memberRemoved(org.id, user.id, role);
    if (!(await this.orgs.removeMember(caller.instanceId, org.id, user.id, role, event, this.clock.now(), guard)))
      throw notMember();
  }
}
