import { checkBucketName, checkRetentionSeconds } from '../buckets/bucket-name';
import { DomainError, ErrorCode } from '../errors';
import { checkQuota } from '../instances/quota';
import { checkOrgName } from '../orgs/org-name';
import { checkPassword } from '../users/password-policy';
import { checkUserName } from '../users/user-name';
import { type OnboardingInput } from './onboarding-input';

/** A checked onboarding request without secrets: safe to store with its operation. */
export interface OnboardingSpec {
  readonly username: string;
  readonly org: string;
  readonly bucket: string;
  readonly retentionSeconds: number;
  readonly hasPassword: boolean;
  /** From the body's `limit.bucket.maxBuckets` (InfluxDB Cloud's Limit); null when not given. */
  readonly maxBuckets: number | null;
}

export interface OnboardingSecrets {
  readonly password: string | null;
}

function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** InfluxDB's rules: username, org and bucket are required (422); a password is 8..72 bytes (400); retention in seconds wins over hours. */
export function onboardingSpecFrom(input: OnboardingInput): { spec: OnboardingSpec; secrets: OnboardingSecrets } {
  const missing = (['username', 'org', 'bucket'] as const).filter((f) => !present(input[f]));
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.Unprocessable,
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`,
      missing.map((field) => ({ field, description: 'is required' })),
    );
  }
  const password =
    input.password === undefined || input.password === '' ? null : checkPassword(input.password, 'password');
  const retentionSeconds =
    input.retentionPeriodSeconds !== undefined && input.retentionPeriodSeconds !== null
      ? checkRetentionSeconds(input.retentionPeriodSeconds, 'retentionPeriodSeconds')
      : checkRetentionSeconds((input.retentionPeriodHrs ?? 0) * 3600, 'retentionPeriodHrs');
  return {
    spec: {
      maxBuckets: maxBucketsOf(input.limit),
      username: checkUserName(input.username, 'username'),
      org: checkOrgName(input.org, 'org'),
      bucket: checkBucketName(input.bucket, 'bucket'),
      retentionSeconds,
      hasPassword: password !== null,
    },
    secrets: { password },
  };
}

function maxBucketsOf(limit: unknown): number | null {
  const value = (limit as { bucket?: { maxBuckets?: unknown } } | undefined)?.bucket?.maxBuckets;
  return checkQuota(value, 'limit.bucket.maxBuckets', 1);
}
