import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { existingOrg } from '../../orgs/existing-org';
import { orgResource } from '../../orgs/org-access';
import { orgEvents } from '../../orgs/org-events';
import { orgNotFound } from '../../orgs/org-name';
import { Clock, OrgRepository } from '../../ports';
import { DeleteOrgCommand } from './delete-org.command';

@CommandHandler(DeleteOrgCommand)
export class DeleteOrgHandler implements ICommandHandler<DeleteOrgCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, orgId }: DeleteOrgCommand): Promise<void> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'write', orgResource(org.id));
    if (!(await this.orgs.remove(caller.instanceId, org.id, orgEvents.removed(org.id, org.name), this.clock.now()))) {
      throw orgNotFound();
    }
  }
}
