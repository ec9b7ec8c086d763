import { OnboardingInput } from '@app/domain';
import { IsInt, IsOptional, IsString } from 'class-validator';

/**
 * InfluxDB `OnboardingRequest`. Presence of username, org and bucket is checked by the domain, which answers
 * 422 naming them, as InfluxDB does; types are checked here (400).
 */
export class OnboardingRequest implements OnboardingInput {
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() password?: string;
  @IsOptional() @IsString() org?: string;
  @IsOptional() @IsString() bucket?: string;
  @IsOptional() @IsInt() retentionPeriodSeconds?: number;
  @IsOptional() @IsInt() retentionPeriodHrs?: number;
  @IsOptional() @IsString() token?: string;
  @IsOptional() limit?: unknown;
}
