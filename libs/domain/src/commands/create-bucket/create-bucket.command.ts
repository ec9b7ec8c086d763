import { Command } from '@nestjs/cqrs';

import { type Bucket } from '../../buckets/bucket';
import { type RetentionRuleInput } from '../../buckets/retention-rules';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface CreateBucketInput {
  readonly orgID?: string;
  readonly name?: string;
  readonly description?: string;
  readonly rp?: string;
  readonly retentionRules?: RetentionRuleInput[];
  readonly schemaType?: string;
}

export class CreateBucketCommand extends Command<Bucket> {
  constructor(
    readonly caller: TenantCaller,
    readonly input: CreateBucketInput,
  ) {
    super();
  }
}
