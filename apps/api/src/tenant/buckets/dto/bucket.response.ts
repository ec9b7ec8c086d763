import { type Bucket, type BucketPage } from '@app/domain';

import { type ListBucketsParamsDto } from './bucket.request';

export interface BucketResponse {
  id: string;
  type: 'user' | 'system';
  name: string;
  description?: string;
  orgID: string;
  rp: string;
  schemaType: string;
  createdAt: string;
  updatedAt: string;
  retentionRules: { type: 'expire'; everySeconds: number; shardGroupDurationSeconds: number }[];
  labels: { id: string; orgID: string; name: string; properties: Record<string, string> }[];
  links: Record<'labels' | 'members' | 'org' | 'owners' | 'self' | 'write', string>;
}

export function bucketResponse(b: Bucket): BucketResponse {
  return {
    id: b.id,
    type: b.type,
    name: b.name,
    ...(b.description ? { description: b.description } : {}),
    orgID: b.orgId,
    rp: b.rp,
    schemaType: b.schemaType,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
    retentionRules: [
      { type: 'expire', everySeconds: b.retentionSeconds, shardGroupDurationSeconds: b.shardGroupDurationSeconds },
    ],
    labels: b.labels.map((l) => ({ id: l.id, orgID: l.orgId, name: l.name, properties: l.properties })),
    links: {
      labels: `/api/v2/buckets/${b.id}/labels`,
      members: `/api/v2/buckets/${b.id}/members`,
      org: `/api/v2/orgs/${b.orgId}`,
      owners: `/api/v2/buckets/${b.id}/owners`,
      self: `/api/v2/buckets/${b.id}`,
      write: `/api/v2/write?org=${b.orgId}&bucket=${b.id}`,
    },
  };
}

export interface BucketsResponse {
  links: { self: string; next?: string; prev?: string };
  buckets: BucketResponse[];
}

function listLink(params: ListBucketsParamsDto, page: { offset: number; after?: string }): string {
  const query = new URLSearchParams();
  query.set('descending', String(params.descending));
  query.set('limit', String(params.limit));
  if (page.after !== undefined) query.set('after', page.after);
  else query.set('offset', String(page.offset));
  for (const key of ['org', 'orgID', 'name', 'id'] as const) if (params[key] !== undefined) query.set(key, params[key]);
  return `/api/v2/buckets?${query.toString()}`;
}

/** `next` and `prev` appear only where there are more; a client walks every page by following `next`. */
export function bucketsResponse(page: BucketPage, params: ListBucketsParamsDto): BucketsResponse {
  const links: BucketsResponse['links'] = { self: listLink(params, { offset: params.offset, after: params.after }) };
  if (page.hasMore) {
    links.next =
      params.after !== undefined
        ? listLink(params, { offset: 0, after: page.buckets[page.buckets.length - 1].id })
        : listLink(params, { offset: params.offset + params.limit });
  }
  if (params.after === undefined && params.offset > 0)
    links.prev = listLink(params, { offset: Math.max(0, params.offset - params.limit) });
  return { links, buckets: page.buckets.map(bucketResponse) };
}
