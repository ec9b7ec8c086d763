import { CreateBucketInput, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, UpdateBucketInput } from '@app/domain';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

import { PageLimit, PageOffset } from '../../../common/validation/page-params';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class RetentionRuleDto {
  @IsOptional() @IsString() type?: string;
  @IsOptional() @IsInt() everySeconds?: number;
  @IsOptional() @IsInt() shardGroupDurationSeconds?: number;
}

/** Types are checked here (400); the rules of names and retention by the domain. */
export class CreateBucketRequest implements CreateBucketInput {
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional() @IsString() rp?: string;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RetentionRuleDto)
  retentionRules?: RetentionRuleDto[];
  @IsOptional() @IsString() schemaType?: string;
}

export class UpdateBucketRequest implements UpdateBucketInput {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() description?: string;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RetentionRuleDto)
  retentionRules?: RetentionRuleDto[];
}

export class ListBucketsParamsDto {
  @PageOffset() offset = 0;
  @PageLimit(MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT) limit = DEFAULT_PAGE_LIMIT;
  @IsOptional() @IsString() after?: string;
  @IsOptional() @IsString() org?: string;
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() id?: string;
  @IsOptional() @Transform(toBoolean) @IsBoolean() descending = false;
}
