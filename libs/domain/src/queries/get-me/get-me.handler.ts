import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { DomainError, ErrorCode } from '../../errors';
import { UserRepository } from '../../ports';
import { User } from '../../users/user';
import { GetMeQuery } from './get-me.query';

/** The user behind the request's token or session cookie. */
@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ caller }: GetMeQuery): Promise<User> {
    const me = caller.user ? await this.users.findById(caller.instanceId, caller.user.id) : null;
    if (!me) throw new DomainError(ErrorCode.Unauthenticated, 'unauthorized access');
    return me;
  }
}
