import { type Label } from '@app/domain';

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
