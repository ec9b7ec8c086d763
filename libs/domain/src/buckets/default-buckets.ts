const DAY_SECONDS = 24 * 60 * 60;

export interface BucketTemplate {
  readonly name: string;
  readonly type: 'system' | 'user';
  readonly retentionSeconds: number;
}

/** The buckets every new organization gets, as InfluxDB OSS creates them. */
export function systemBucketsForOrg(): BucketTemplate[] {
  return [
    { name: '_tasks', type: 'system', retentionSeconds: 3 * DAY_SECONDS },
    { name: '_monitoring', type: 'system', retentionSeconds: 7 * DAY_SECONDS },
  ];
}

export const DEFAULT_BUCKET_RETENTION_SECONDS = 30 * DAY_SECONDS;

export function defaultBucket(name: string): BucketTemplate {
  return { name, type: 'user', retentionSeconds: DEFAULT_BUCKET_RETENTION_SECONDS };
}

const HOUR_SECONDS = 60 * 60;

/** InfluxDB's default shard group duration for a retention period (0 = infinite). */
export function defaultShardGroupDurationSeconds(retentionSeconds: number): number {
  if (retentionSeconds === 0) return 7 * DAY_SECONDS;
  if (retentionSeconds < 2 * DAY_SECONDS) return HOUR_SECONDS;
  if (retentionSeconds < 180 * DAY_SECONDS) return DAY_SECONDS;
  return 7 * DAY_SECONDS;
}
