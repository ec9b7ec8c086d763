import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { requireAuthenticated } from '../../authorization/authenticated';
import { authorize } from '../../authorization/authorize';
import { Authorization } from '../../authorizations/authorization';
import { authorizationResource } from '../../authorizations/authorization-access';
import { existingAuthorization } from '../../authorizations/existing-authorization';
import { AuthorizationRepository } from '../../ports';
import { GetAuthorizationQuery } from './get-authorization.query';

@QueryHandler(GetAuthorizationQuery)
export class GetAuthorizationHandler implements IQueryHandler<GetAuthorizationQuery> {
  constructor(private readonly authorizations: AuthorizationRepository) {}

  async execute({ caller, authId }: GetAuthorizationQuery): Promise<Authorization> {
    requireAuthenticated(caller);
    const auth = await existingAuthorization(this.authorizations, caller.instanceId, authId);
    authorize(caller, 'read', authorizationResource(auth));
    return auth;
  }
}
