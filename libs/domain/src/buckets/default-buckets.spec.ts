import {
  DEFAULT_BUCKET_RETENTION_SECONDS,
  defaultBucket,
  defaultShardGroupDurationSeconds,
  systemBucketsForOrg,
} from './default-buckets';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('systemBucketsForOrg', () => {
  it('gives every org _tasks for 3 days and _monitoring for 7 days, as InfluxDB OSS does', () => {
    expect(systemBucketsForOrg()).toEqual([
      { name: '_tasks', type: 'system', retentionSeconds: 3 * DAY },
      { name: '_monitoring', type: 'system', retentionSeconds: 7 * DAY },
    ]);
  });

  it('hands out fresh objects each time', () => {
    expect(systemBucketsForOrg()).not.toBe(systemBucketsForOrg());
  });
});

describe('defaultBucket', () => {
  it('is a user bucket with 30 days retention under the configured name', () => {
    expect(defaultBucket('telemetry')).toEqual({ name: 'telemetry', type: 'user', retentionSeconds: 30 * DAY });
    expect(DEFAULT_BUCKET_RETENTION_SECONDS).toBe(2_592_000);
  });
});

describe('defaultShardGroupDurationSeconds', () => {
  it.each([
    ['infinite (0)', 0, 7 * DAY],
    ['1 hour', HOUR, HOUR],
    ['just under 2 days', 2 * DAY - 1, HOUR],
    ['exactly 2 days', 2 * DAY, DAY],
    ['3 days (_tasks)', 3 * DAY, DAY],
    ['30 days (default bucket)', 30 * DAY, DAY],
    ['just under 180 days', 180 * DAY - 1, DAY],
    ['exactly 180 days', 180 * DAY, 7 * DAY],
    ['one year', 365 * DAY, 7 * DAY],
  ])("maps %s to InfluxDB's default", (_label, retention, shard) => {
    expect(defaultShardGroupDurationSeconds(retention)).toBe(shard);
  });
});
