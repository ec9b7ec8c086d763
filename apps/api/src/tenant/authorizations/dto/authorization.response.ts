import { type Authorization, type Permission } from '@app/domain';

/** InfluxDB `Authorization`; `token` only in the answer to its creation. */
export interface AuthorizationResponse {
  id: string;
  token?: string;
  status: 'active' | 'inactive';
  description: string;
  orgID: string;
  org: string;
  userID: string;
  user: string;
  permissions: Permission[];
  createdAt: string;
  updatedAt: string;
  links: { self: string; user: string };
}

export function authorizationResponse(auth: Authorization, token?: string): AuthorizationResponse {
  return {
    id: auth.id,
    ...(token !== undefined ? { token } : {}),
    status: auth.status,
    description: auth.description,
    orgID: auth.orgId,
    org: auth.orgName,
    userID: auth.userId,
    user: auth.userName,
    permissions: auth.permissions,
    createdAt: auth.createdAt.toISOString(),
    updatedAt: auth.updatedAt.toISOString(),
    links: { self: `/api/v2/authorizations/${auth.id}`, user: `/api/v2/users/${auth.userId}` },
  };
}

/** InfluxDB `Authorizations`. */
export interface AuthorizationsResponse {
  links: { self: string };
  authorizations: AuthorizationResponse[];
}

export function authorizationsResponse(
  list: Authorization[],
  query: Record<string, string | undefined>,
): AuthorizationsResponse {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  const search = params.toString();
  return {
    links: { self: `/api/v2/authorizations${search ? `?${search}` : ''}` },
    authorizations: list.map((a) => authorizationResponse(a)),
  };
}
