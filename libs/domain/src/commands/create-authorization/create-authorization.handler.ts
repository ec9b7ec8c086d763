import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize, holdsAll, permissionName } from '../../authorization/authorize';
import { CreatedAuthorization } from '../../authorizations/authorization';
import { authorizationsOfOrg } from '../../authorizations/authorization-access';
import { authorizationEvents } from '../../authorizations/authorization-events';
import { checkPermissions } from '../../authorizations/permission-input';
import { checkPermissionTargets, namedResources } from '../../authorizations/permission-targets';
import { DomainError, ErrorCode } from '../../errors';
import { existingOrg } from '../../orgs/existing-org';
import { userNotFound } from '../../orgs/org-membership';
import { AuthorizationRepository, Clock, IdGenerator, OrgRepository, TokenGenerator } from '../../ports';
import { isId } from '../../shared/id';
import { checkDescription } from '../../shared/text';
import { CallerUser, TenantCaller } from '../../tenancy/tenant-caller';
import { CreateAuthorizationCommand } from './create-authorization.command';

/**
 * Needs write on the org's authorizations (and on the user, when the token is for someone else). A caller never
 * grants more than it holds: every requested permission must be covered by one of its own. A permission that names
 * a resource must name one of the org it is scoped to (checkPermissionTargets).
 */
@CommandHandler(CreateAuthorizationCommand)
export class CreateAuthorizationHandler implements ICommandHandler<CreateAuthorizationCommand> {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly authorizations: AuthorizationRepository,
    private readonly tokens: TokenGenerator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, input }: CreateAuthorizationCommand): Promise<CreatedAuthorization> {
    requireAuthenticated(caller);
    if (input.orgID === undefined) throw DomainError.invalidField('orgID', 'is required');
    const org = await existingOrg(this.orgs, caller.instanceId, input.orgID);
    authorize(caller, 'write', authorizationsOfOrg(org.id));
    const user = await this.owner(caller, input.userID);
    const permissions = checkPermissions(input.permissions);
    const beyond = permissions.find((p) => !holdsAll(caller, [p]));
    if (beyond)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        `${permissionName(beyond.action, beyond.resource)} is unauthorized`,
      );
    checkPermissionTargets(
      permissions,
      org.id,
      await this.authorizations.resourceOrgs(caller.instanceId, namedResources(permissions)),
    );

    const id = this.ids.newId();
    const token = this.tokens.generate();
    const description = checkDescription(input.description);
    const authorization = await this.authorizations.create(
      caller.instanceId,
      {
        id,
        orgId: org.id,
        userId: user.id,
        digest: token.digest,
        description,
        status: input.status ?? 'active',
        permissions,
      },
      authorizationEvents.added(id, org.id, user.id, description, permissions),
      this.clock.now(),
    );
    return { authorization, token: token.plaintext };
  }

  /** The user the token acts as: the caller's own, or another one of the instance that the caller may write. */
  private async owner(caller: TenantCaller, userId: string | undefined): Promise<CallerUser> {
    if (userId === undefined) {
      if (!caller.user) throw DomainError.invalidField('userID', 'is required when the caller has no user');
      return caller.user;
    }
    const user = isId(userId) ? await this.orgs.findUser(caller.instanceId, userId) : null;
    if (!user) throw userNotFound(userId);
    if (user.id !== caller.user?.id) authorize(caller, 'write', { type: 'users', id: user.id });
    return user;
  }
}
