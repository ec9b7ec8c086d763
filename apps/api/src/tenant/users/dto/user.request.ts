import { CreateUserInput, DEFAULT_PAGE_LIMIT, ListUsersParams, MAX_PAGE_LIMIT, UpdateUserInput } from '@app/domain';
import { IsOptional, IsString } from 'class-validator';

import { PageLimit, PageOffset } from '../../../common/validation/page-params';

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
  @PageOffset() offset = 0;
  @PageLimit(MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT) limit = DEFAULT_PAGE_LIMIT;
  @IsOptional() @IsString() after?: string;
}
