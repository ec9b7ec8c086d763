import { AuthorizationInput, AuthorizationStatus, PermissionInput, RESOURCE_TYPES } from '@app/domain';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';

const STATUSES: AuthorizationStatus[] = ['active', 'inactive'];

/** InfluxDB `Resource`: `name` and `org` are descriptive only and dropped. */
export class ResourceDto {
  @IsIn(RESOURCE_TYPES) type: string;
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() orgID?: string;
}

/** InfluxDB `Permission`. */
export class PermissionDto implements PermissionInput {
  @IsIn(['read', 'write']) action: string;
  @IsDefined() @ValidateNested() @Type(() => ResourceDto) resource: ResourceDto;
}

/** InfluxDB `AuthorizationPostRequest`; the domain checks ids and that the caller holds what it grants. */
export class CreateAuthorizationRequest implements AuthorizationInput {
  @IsString() orgID: string;
  @IsOptional() @IsString() userID?: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsIn(STATUSES) status?: AuthorizationStatus;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => PermissionDto) permissions: PermissionDto[];
}

/** InfluxDB `AuthorizationUpdateRequest`. */
export class UpdateAuthorizationRequest {
  @IsOptional() @IsIn(STATUSES) status?: AuthorizationStatus;
  @IsOptional() @IsString() description?: string;
}

/** Query of `GET /api/v2/authorizations` (`token`, which InfluxDB OSS ignores, is ignored too). */
export class ListAuthorizationsParams {
  @IsOptional() @IsString() userID?: string;
  @IsOptional() @IsString() user?: string;
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() org?: string;
}
