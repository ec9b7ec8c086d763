import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { systemBucketsForOrg } from '../../buckets/default-buckets';
import { Org } from '../../orgs/org';
import { orgEvents } from '../../orgs/org-events';
import { checkOrgName } from '../../orgs/org-name';
import { Clock, IdGenerator, OrgRepository } from '../../ports';
import { PlannedBucket } from '../../provisioning/provisioning-plan';
import { checkDescription } from '../../shared/text';
import { CreateOrgCommand } from './create-org.command';

/** A new org comes with its system buckets `_tasks` and `_monitoring`; its creator (when a user) owns it. */
@CommandHandler(CreateOrgCommand)
export class CreateOrgHandler implements ICommandHandler<CreateOrgCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, name, description }: CreateOrgCommand): Promise<Org> {
    requireAuthenticated(caller);
    authorize(caller, 'write', { type: 'orgs' });
    const orgName = checkOrgName(name);
    const text = checkDescription(description);
    const orgId = this.ids.newId();
    const buckets = systemBucketsForOrg().map((t): PlannedBucket => ({ id: this.ids.newId(), orgId, ...t }));
    const ownerId = caller.user?.id ?? null;
    return this.orgs.create(
      caller.instanceId,
      {
        id: orgId,
        name: orgName,
        description: text,
        ownerId,
        buckets,
        events: [
          orgEvents.added(orgId, orgName, text),
          ...buckets.map(orgEvents.bucketAdded),
          ...(ownerId ? [orgEvents.memberAdded(orgId, ownerId, 'owner')] : []),
        ],
      },
      this.clock.now(),
    );
  }
}
