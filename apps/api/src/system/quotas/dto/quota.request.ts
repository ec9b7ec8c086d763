import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

/**
 * zitadel.system.v1.AddQuotaRequest / SetQuotaRequest (instanceId comes from the path). The fields keep their
 * protojson spellings (unit as name or number, amount as string or number); the domain checks them.
 */
export class QuotaRequest {
  @IsOptional() unit?: string | number;
  @IsOptional() from?: string;
  @IsOptional() resetInterval?: string;
  @IsOptional() amount?: string | number;
  @IsOptional() limit?: boolean;
  /** [{percent, repeat, callUrl}] */
  @IsOptional() notifications?: object[];
}

/** zitadel.system.v1.SetLimitsRequest as a BulkSetLimits item, with this service's max* extensions. */
export class BulkLimitsItemRequest {
  @IsString() instanceId: string;
  @IsOptional() @IsBoolean() block?: boolean;
  @IsOptional() @Matches(/^\d{1,12}(\.\d{1,9})?s$/) auditLogRetention?: string;
  @IsOptional() @IsInt() @Min(0) maxUsers?: number | null;
  @IsOptional() @IsInt() @Min(0) maxOrgs?: number | null;
  @IsOptional() @IsInt() @Min(0) maxBuckets?: number | null;
}

export class BulkSetLimitsRequest {
  @IsArray() @ValidateNested({ each: true }) @Type(() => BulkLimitsItemRequest) limits: BulkLimitsItemRequest[];
}
