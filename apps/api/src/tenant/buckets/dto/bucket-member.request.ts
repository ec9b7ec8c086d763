import { IsOptional, IsString } from 'class-validator';

/** InfluxDB `AddResourceMemberRequestBody`. */
export class AddBucketMemberRequest {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() name?: string;
}
