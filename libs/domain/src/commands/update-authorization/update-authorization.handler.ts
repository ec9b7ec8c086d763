import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { Authorization, AUTHORIZATION_NOT_FOUND, checkAuthorizationStatus } from '../../authorizations/authorization';
import { authorizationResource } from '../../authorizations/authorization-access';
import { authorizationEvents } from '../../authorizations/authorization-events';
import { existingAuthorization } from '../../authorizations/existing-authorization';
import { DomainError } from '../../errors';
import { tokenChangeGuard } from '../../orgs/owner-rules';
import { AuthorizationRepository, Clock } from '../../ports';
import { checkDescription } from '../../shared/text';
import { UpdateAuthorizationCommand } from './update-authorization.command';

@CommandHandler(UpdateAuthorizationCommand)
export class UpdateAuthorizationHandler implements ICommandHandler<UpdateAuthorizationCommand> {
  constructor(
    private readonly authorizations: AuthorizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, authId, changes }: UpdateAuthorizationCommand): Promise<Authorization> {
    requireAuthenticated(caller);
    const auth = await existingAuthorization(this.authorizations, caller.instanceId, authId);
    authorize(caller, 'write', authorizationResource(auth));
    const wanted = {
      ...(changes.status !== undefined ? { status: checkAuthorizationStatus(changes.status) } : {}),
      ...(changes.description !== undefined ? { description: checkDescription(changes.description) } : {}),
    };
    if (Object.keys(wanted).length === 0) return auth;
    const event = authorizationEvents.changed(auth.id, auth.orgId, wanted);
    const guard = tokenChangeGuard(caller, auth.userId);
    const updated = await this.authorizations.update(
      caller.instanceId,
      auth.id,
      wanted,
      event,
      this.clock.now(),
      guard,
    );
    if (!updated) throw DomainError.notFound(AUTHORIZATION_NOT_FOUND);
    return updated;
  }
}
