import { MAX_PAGE_OFFSET } from '@app/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ListQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET) offset?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @IsOptional() @IsBoolean() asc?: boolean;
}

export class IdQueryDto {
  @IsArray() @IsString({ each: true }) ids: string[];
}

export class DomainQueryDto {
  @IsArray() @IsString({ each: true }) domains: string[];
}

export class InstanceQueryDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => IdQueryDto) idQuery?: IdQueryDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => DomainQueryDto) domainQuery?: DomainQueryDto;
}

/** ZITADEL `ListInstancesRequest`, plus `includeStopped`. */
export class SearchInstancesRequest {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ListQueryDto) query?: ListQueryDto;
  @IsOptional()
  @IsIn(['FIELD_NAME_UNSPECIFIED', 'FIELD_NAME_ID', 'FIELD_NAME_NAME', 'FIELD_NAME_CREATION_DATE'])
  sortingColumn?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => InstanceQueryDto) queries?: InstanceQueryDto[];
  @IsOptional() @IsBoolean() includeStopped?: boolean;
}

export class RenameInstanceRequest {
  @IsString() instanceName: string;
}
