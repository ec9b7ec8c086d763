import { type InstanceDomainView, InstanceState, type InstanceView } from '@app/domain';

import { type DetailsJson, detailsJson } from '../../protojson';

/** protojson of `zitadel.instance.v1.Domain`. */
export interface DomainJson {
  details: DetailsJson;
  domain: string;
  primary: boolean;
  generated: boolean;
}

/**
 * protojson of `zitadel.instance.v1.InstanceDetail` (and of `Instance`, which has the same fields): only the
 * message's fields, so strict protobuf clients parse it (the default language is not one of them).
 */
export interface InstanceJson {
  id: string;
  details: DetailsJson;
  state: string;
  name: string;
  version: string;
  domains: DomainJson[];
}

/** ZITADEL `GetInstanceResponse`. */
export interface GetInstanceResponse {
  instance: InstanceJson;
}

export function toDomain(d: InstanceDomainView): DomainJson {
  return { details: detailsJson(d.details), domain: d.domain, primary: d.primary, generated: d.generated };
}

export function toInstanceDetail(instance: InstanceView): InstanceJson {
  return {
    id: instance.id,
    details: detailsJson(instance.details),
    // zitadel.instance.v1.State has no failed state: a failed provisioning is unspecified (its operation says why).
    state: instance.state === InstanceState.Failed ? 'STATE_UNSPECIFIED' : instance.state,
    name: instance.name,
    version: '',
    domains: instance.domains.map(toDomain),
  };
}

export function getInstanceResponse(instance: InstanceView): GetInstanceResponse {
  return { instance: toInstanceDetail(instance) };
}
