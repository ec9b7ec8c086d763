import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { existingOrg } from '../../orgs/existing-org';
import { Org } from '../../orgs/org';
import { orgResource } from '../../orgs/org-access';
import { orgEvents } from '../../orgs/org-events';
import { checkOrgName, orgNotFound } from '../../orgs/org-name';
import { Clock, OrgChanges, OrgRepository } from '../../ports';
import { checkDescription } from '../../shared/text';
import { UpdateOrgCommand } from './update-org.command';

@CommandHandler(UpdateOrgCommand)
export class UpdateOrgHandler implements ICommandHandler<UpdateOrgCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, orgId, changes }: UpdateOrgCommand): Promise<Org> {
    requireAuthenticated(caller);
    const org = await existingOrg(this.orgs, caller.instanceId, orgId);
    authorize(caller, 'write', orgResource(org.id));
    const wanted: OrgChanges = {
      ...(changes.name !== undefined ? { name: checkOrgName(changes.name) } : {}),
      ...(changes.description !== undefined ? { description: checkDescription(changes.description) } : {}),
    };
    if (Object.keys(wanted).length === 0) return org;
    const updated = await this.orgs.update(
      caller.instanceId,
      org.id,
      wanted,
      orgEvents.changed(org.id, { ...wanted }),
      this.clock.now(),
    );
    if (!updated) throw orgNotFound();
    return updated;
  }
}
