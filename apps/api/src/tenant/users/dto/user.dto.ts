import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CreateUserInput, ListUsersParams, UpdateUserInput, User } from '@app/domain';

/** InfluxDB `User`; `id`, `org_id` and `role` are dropped. Types are checked here (400), the rules by the domain. */
export class CreateUserRequest implements CreateUserInput {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() status?: string;
}

export class UpdateUserRequest implements UpdateUserInput {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() status?: string;
}

/** InfluxDB `PasswordResetBody`; the 8..72 bytes rule is the domain's. */
export class PasswordRequest {
  @IsOptional() @IsString() password?: string;
}

export class ListUsersParamsDto implements ListUsersParams {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset = 0;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit = 20;
  @IsOptional() @IsString() after?: string;
}

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
