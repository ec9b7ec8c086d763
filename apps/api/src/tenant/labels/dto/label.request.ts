import { IsObject, IsOptional, IsString } from 'class-validator';

export class CreateLabelRequest {
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsObject() properties?: Record<string, string>;
}

export class UpdateLabelRequest {
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsObject() properties?: Record<string, string>;
}

export class LabelMappingRequest {
  @IsOptional() @IsString() labelID?: string;
}

export class ListLabelsParams {
  @IsOptional() @IsString() orgID?: string;
  @IsOptional() @IsString() name?: string;
}
