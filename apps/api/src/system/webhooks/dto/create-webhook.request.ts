import { IsArray, IsOptional, IsString } from 'class-validator';

/** Shapes only; the domain checks the URL scheme and the event types and names the field it refuses. */
export class CreateWebhookRequest {
  @IsString() url: string;
  @IsArray() @IsString({ each: true }) eventTypes: string[];
  @IsOptional() @IsString() description?: string;
}

export class ListDeliveriesRequest {
  @IsOptional() @IsString() limit?: string;
}
