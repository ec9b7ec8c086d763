import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@app/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

import { PageLimit, PageOffset } from '../../../common/validation/page-params';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** InfluxDB `PostOrganizationRequest`. Whether the name is empty is the domain's rule (400 "org name is empty"). */
export class CreateOrgRequest {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string;
}

/** InfluxDB `PatchOrganizationRequest`: absent fields stay as they are. */
export class UpdateOrgRequest {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string;
}

/** Query of `GET /api/v2/orgs`. */
export class ListOrgsParams {
  @PageOffset() offset = 0;
  @PageLimit(MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT) limit = DEFAULT_PAGE_LIMIT;
  @IsOptional() @Transform(toBoolean) @IsBoolean() descending = false;
  @IsOptional() @IsString() org?: string;
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() userID?: string;
}

/** InfluxDB `AddResourceMemberRequestBody`: `id` is the user; `name` is accepted and ignored, as InfluxDB does. */
export class AddOrgMemberRequest {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() name?: string;
}
