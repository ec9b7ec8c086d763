import { type User } from '@app/domain';

export interface UserResponse {
  id: string;
  name: string;
  status: 'active' | 'inactive';
  links: { self: string };
}

/** InfluxDB `UserResponse`. */
export function userResponse(user: User): UserResponse {
  return { id: user.id, name: user.name, status: user.status, links: { self: `/api/v2/users/${user.id}` } };
}

/** InfluxDB `Users`. */
export function usersResponse(users: User[]): { links: { self: string }; users: UserResponse[] } {
  return { links: { self: '/api/v2/users' }, users: users.map(userResponse) };
}
