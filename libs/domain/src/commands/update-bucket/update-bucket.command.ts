import { Command } from '@nestjs/cqrs';

import { type Bucket } from '../../buckets/bucket';
import { type RetentionRuleInput } from '../../buckets/retention-rules';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface UpdateBucketInput {
  readonly name?: string;
  readonly description?: string;
  readonly retentionRules?: RetentionRuleInput[];
}

export class UpdateBucketCommand extends Command<Bucket> {
  constructor(
    readonly caller: TenantCaller,
    readonly bucketId: string,
    readonly input: UpdateBucketInput,
  ) {
    super();
  }
}
