import { Label } from '@app/domain';
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

export interface LabelJson {
  id: string;
  orgID: string;
  name: string;
  properties: Record<string, string>;
}

export function labelJson(label: Label): LabelJson {
  return { id: label.id, orgID: label.orgId, name: label.name, properties: label.properties };
}

/** InfluxDB `LabelResponse`. */
export function labelResponse(label: Label) {
  return { label: labelJson(label), links: { self: `/api/v2/labels/${label.id}` } };
}

/** InfluxDB `LabelsResponse`. */
export function labelsResponse(labels: Label[], self: string) {
  return { labels: labels.map(labelJson), links: { self } };
}
