import { DomainError } from '../errors';
import { checkRetentionSeconds } from './bucket-name';
import { defaultShardGroupDurationSeconds } from './default-buckets';

export interface RetentionRuleInput {
  readonly type?: string;
  readonly everySeconds?: number;
  readonly shardGroupDurationSeconds?: number;
}

export interface Retention {
  readonly retentionSeconds: number;
  readonly shardGroupDurationSeconds: number;
}

/**
 * At most one rule, of type `expire`; `everySeconds` 0 (infinite) or at least an hour; the shard group duration
 * defaults as in InfluxDB and may never exceed a finite retention. No rule means infinite retention.
 */
export function retentionFrom(rules: readonly RetentionRuleInput[] | undefined, field = 'retentionRules'): Retention {
  if (!rules || rules.length === 0)
    return { retentionSeconds: 0, shardGroupDurationSeconds: defaultShardGroupDurationSeconds(0) };
  if (rules.length > 1) throw DomainError.invalidField(field, 'at most one retention rule is allowed');
  const [rule] = rules;
  if (rule.type !== undefined && rule.type !== 'expire')
    throw DomainError.invalidField(`${field}[0].type`, 'must be "expire"');
  const everySeconds = checkRetentionSeconds(rule.everySeconds ?? 0, `${field}[0].everySeconds`);
  const shard = rule.shardGroupDurationSeconds ?? 0;
  if (!Number.isSafeInteger(shard) || shard < 0) {
    throw DomainError.invalidField(
      `${field}[0].shardGroupDurationSeconds`,
      'must be a non-negative whole number of seconds',
    );
  }
  if (shard > 0 && everySeconds > 0 && shard > everySeconds) {
    throw DomainError.invalidField(
      `${field}[0].shardGroupDurationSeconds`,
      'shard group duration must not exceed the retention period',
    );
  }
  return {
    retentionSeconds: everySeconds,
    shardGroupDurationSeconds: shard || defaultShardGroupDurationSeconds(everySeconds),
  };
}
