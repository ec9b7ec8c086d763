import { OnboardingOutcome, Permission } from '@app/domain';

/** InfluxDB `OnboardingResponse`: the user, org, bucket and authorization that onboarding created. */
export interface OnboardingResponse {
  user: { id: string; name: string; status: string; links: { self: string } };
  org: {
    id: string;
    name: string;
    description: string;
    createdAt: string;
    updatedAt: string;
    links: Record<'self' | 'members' | 'owners' | 'labels' | 'secrets' | 'buckets' | 'tasks' | 'dashboards', string>;
  };
  bucket: {
    id: string;
    type: 'user';
    name: string;
    orgID: string;
    schemaType: 'implicit';
    createdAt: string;
    updatedAt: string;
    retentionRules: { type: 'expire'; everySeconds: number; shardGroupDurationSeconds: number }[];
    labels: never[];
    links: Record<'labels' | 'members' | 'org' | 'owners' | 'self' | 'write', string>;
  };
  auth: {
    id: string;
    token?: string;
    status: 'active';
    description: string;
    orgID: string;
    org: string;
    userID: string;
    user: string;
    permissions: Permission[];
    createdAt: string;
    updatedAt: string;
    links: { self: string; user: string };
  };
}

export function onboardingResponse(outcome: OnboardingOutcome, token: string | undefined): OnboardingResponse {
  const { user, org, bucket, auth } = outcome;
  const orgQuery = `org=${encodeURIComponent(org.name)}`;
  return {
    user: { id: user.id, name: user.name, status: user.status, links: { self: `/api/v2/users/${user.id}` } },
    org: {
      ...org,
      links: {
        self: `/api/v2/orgs/${org.id}`,
        members: `/api/v2/orgs/${org.id}/members`,
        owners: `/api/v2/orgs/${org.id}/owners`,
        labels: `/api/v2/orgs/${org.id}/labels`,
        secrets: `/api/v2/orgs/${org.id}/secrets`,
        buckets: `/api/v2/buckets?${orgQuery}`,
        tasks: `/api/v2/tasks?${orgQuery}`,
        dashboards: `/api/v2/dashboards?${orgQuery}`,
      },
    },
    bucket: {
      id: bucket.id,
      type: 'user',
      name: bucket.name,
      orgID: bucket.orgID,
      schemaType: 'implicit',
      createdAt: bucket.createdAt,
      updatedAt: bucket.updatedAt,
      retentionRules: [{ type: 'expire', everySeconds: bucket.retentionSeconds, shardGroupDurationSeconds: bucket.shardGroupDurationSeconds }],
      labels: [],
      links: {
        labels: `/api/v2/buckets/${bucket.id}/labels`,
        members: `/api/v2/buckets/${bucket.id}/members`,
        org: `/api/v2/orgs/${bucket.orgID}`,
        owners: `/api/v2/buckets/${bucket.id}/owners`,
        self: `/api/v2/buckets/${bucket.id}`,
        write: `/api/v2/write?org=${bucket.orgID}&bucket=${bucket.id}`,
      },
    },
    auth: {
      id: auth.id,
      ...(token ? { token } : {}),
      status: 'active',
      description: auth.description,
      orgID: auth.orgID,
      org: org.name,
      userID: auth.userID,
      user: user.name,
      permissions: auth.permissions,
      createdAt: auth.createdAt,
      updatedAt: auth.updatedAt,
      links: { self: `/api/v2/authorizations/${auth.id}`, user: `/api/v2/users/${auth.userID}` },
    },
  };
}
