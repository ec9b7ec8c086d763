import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { UserRepository } from '../../ports';
import { existingUser } from '../../users/existing-user';
import { User } from '../../users/user';
import { GetUserQuery } from './get-user.query';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ caller, userId }: GetUserQuery): Promise<User> {
    const user = await existingUser(this.users, caller, userId);
    authorize(caller, 'read', { type: 'users', id: user.id });
    return user;
  }
}
