import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { AUTHORIZATION_NOT_FOUND } from '../../authorizations/authorization';
import { authorizationResource } from '../../authorizations/authorization-access';
import { authorizationEvents } from '../../authorizations/authorization-events';
import { existingAuthorization } from '../../authorizations/existing-authorization';
import { DomainError } from '../../errors';
import { tokenChangeGuard } from '../../orgs/owner-rules';
import { AuthorizationRepository, Clock } from '../../ports';
import { DeleteAuthorizationCommand } from './delete-authorization.command';

@CommandHandler(DeleteAuthorizationCommand)
export class DeleteAuthorizationHandler implements ICommandHandler<DeleteAuthorizationCommand> {
  constructor(
    private readonly authorizations: AuthorizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, authId }: DeleteAuthorizationCommand): Promise<void> {
    requireAuthenticated(caller);
    const auth = await existingAuthorization(this.authorizations, caller.instanceId, authId);
    authorize(caller, 'write', authorizationResource(auth));
    const event = authorizationEvents.removed(auth.id, auth.orgId);
    if (
      !(await this.authorizations.remove(
        caller.instanceId,
        auth.id,
        event,
        this.clock.now(),
        tokenChangeGuard(caller, auth.userId),
      ))
    ) {
      throw DomainError.notFound(AUTHORIZATION_NOT_FOUND);
    }
  }
}
