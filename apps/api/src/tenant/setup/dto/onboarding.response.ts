import { type OnboardingOutcome } from '@app/domain';

import { type AuthorizationResponse, authorizationResponse } from '../../authorizations/dto/authorization.response';
import { type BucketResponse, bucketResponse } from '../../buckets/dto/bucket.response';
import { type OrgResponse, orgResponse } from '../../orgs/dto/org.response';
import { type UserResponse, userResponse } from '../../users/dto/user.response';

/** InfluxDB `OnboardingResponse`: the user, org, bucket and authorization that onboarding created. */
export interface OnboardingResponse {
  user: UserResponse;
  org: OrgResponse;
  bucket: BucketResponse;
  auth: AuthorizationResponse;
}

/** The stored outcome keeps RFC 3339 strings; the shared mappers of each resource shape the answer. */
export function onboardingResponse(outcome: OnboardingOutcome, token: string | undefined): OnboardingResponse {
  const { user, org, bucket, auth } = outcome;
  return {
    user: userResponse(user),
    org: orgResponse({ ...org, createdAt: new Date(org.createdAt), updatedAt: new Date(org.updatedAt) }),
    bucket: bucketResponse({
      id: bucket.id,
      orgId: bucket.orgID,
      name: bucket.name,
      description: '',
      type: 'user',
      retentionSeconds: bucket.retentionSeconds,
      shardGroupDurationSeconds: bucket.shardGroupDurationSeconds,
      schemaType: 'implicit',
      rp: '0',
      labels: [],
      createdAt: new Date(bucket.createdAt),
      updatedAt: new Date(bucket.updatedAt),
    }),
    auth: authorizationResponse(
      {
        id: auth.id,
        kind: 'authorization',
        status: 'active',
        description: auth.description,
        orgId: auth.orgID,
        orgName: org.name,
        userId: auth.userID,
        userName: user.name,
        permissions: auth.permissions,
        createdAt: new Date(auth.createdAt),
        updatedAt: new Date(auth.updatedAt),
      },
      token,
    ),
  };
}
