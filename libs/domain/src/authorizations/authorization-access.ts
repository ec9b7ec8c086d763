import { type RequestedResource } from '../authorization/authorize';
import { type Id } from '../shared/id';
import { type Authorization } from './authorization';

/** An authorization as a resource to authorize: `{type: authorizations, id, orgID}`, as InfluxDB does. */
export function authorizationResource(auth: Pick<Authorization, 'id' | 'orgId'>): RequestedResource {
  return { type: 'authorizations', id: auth.id, orgID: auth.orgId };
}

export function authorizationsOfOrg(orgId: Id): RequestedResource {
  return { type: 'authorizations', orgID: orgId };
}
