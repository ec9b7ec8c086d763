import { type Org, type OrgMember, type OrgPage } from '@app/domain';

import { type ListOrgsParams } from './org.request';

type OrgLinks = Record<
  'self' | 'members' | 'owners' | 'labels' | 'secrets' | 'buckets' | 'tasks' | 'dashboards',
  string
>;

/** InfluxDB `Organization`. */
export interface OrgResponse {
  links: OrgLinks;
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export function orgResponse(org: Org): OrgResponse {
  const byName = `org=${encodeURIComponent(org.name)}`;
  return {
    links: {
      self: `/api/v2/orgs/${org.id}`,
      members: `/api/v2/orgs/${org.id}/members`,
      owners: `/api/v2/orgs/${org.id}/owners`,
      labels: `/api/v2/orgs/${org.id}/labels`,
      secrets: `/api/v2/orgs/${org.id}/secrets`,
      buckets: `/api/v2/buckets?${byName}`,
      tasks: `/api/v2/tasks?${byName}`,
      dashboards: `/api/v2/dashboards?${byName}`,
    },
    id: org.id,
    name: org.name,
    description: org.description,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}

/** InfluxDB `Organizations`. */
export interface OrgsResponse {
  links: { self: string; next?: string; prev?: string };
  orgs: OrgResponse[];
}

function listLink(params: ListOrgsParams, offset: number): string {
  const query = new URLSearchParams({
    descending: String(params.descending),
    limit: String(params.limit),
    offset: String(offset),
  });
  for (const key of ['org', 'orgID', 'userID'] as const) if (params[key] !== undefined) query.set(key, params[key]);
  return `/api/v2/orgs?${query.toString()}`;
}

/** `next` and `prev` appear only where there is such a page. */
export function orgsResponse(page: OrgPage, params: ListOrgsParams): OrgsResponse {
  const links: OrgsResponse['links'] = { self: listLink(params, params.offset) };
  if (page.hasMore) links.next = listLink(params, params.offset + params.limit);
  if (params.offset > 0) links.prev = listLink(params, Math.max(0, params.offset - params.limit));
  return { links, orgs: page.orgs.map(orgResponse) };
}

/** InfluxDB `ResourceMember` / `ResourceOwner`. */
export interface OrgMemberResponse {
  role: 'member' | 'owner';
  links: { self: string };
  id: string;
  name: string;
  status: 'active' | 'inactive';
}

export function orgMemberResponse(member: OrgMember): OrgMemberResponse {
  return {
    role: member.role,
    links: { self: `/api/v2/users/${member.id}` },
    id: member.id,
    name: member.name,
    status: member.status,
  };
}

/** InfluxDB `ResourceMembers` / `ResourceOwners`. */
export function orgMembersResponse(
  members: OrgMember[],
  self: string,
): { links: { self: string }; users: OrgMemberResponse[] } {
  return { links: { self }, users: members.map(orgMemberResponse) };
}
