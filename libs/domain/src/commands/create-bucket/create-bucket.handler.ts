import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { authorize } from '../../authorization/authorize';
import { Bucket, SchemaType } from '../../buckets/bucket';
import { bucketEvents } from '../../buckets/bucket-events';
import { checkBucketName, checkBucketRp } from '../../buckets/bucket-name';
import { retentionFrom } from '../../buckets/retention-rules';
import { DomainError } from '../../errors';
import { BucketRepository, Clock, IdGenerator, NewBucket } from '../../ports';
import { isId } from '../../shared/id';
import { checkDescription, preview } from '../../shared/text';
import { CreateBucketCommand } from './create-bucket.command';

const SCHEMA_TYPES: readonly SchemaType[] = ['implicit', 'explicit'];

@CommandHandler(CreateBucketCommand)
export class CreateBucketHandler implements ICommandHandler<CreateBucketCommand> {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, input }: CreateBucketCommand): Promise<Bucket> {
    if (typeof input.orgID !== 'string' || input.orgID === '') throw DomainError.invalidField('orgID', 'is required');
    const name = checkBucketName(input.name);
    const description = checkDescription(input.description);
    const rp = checkBucketRp(input.rp);
    const retention = retentionFrom(input.retentionRules);
    const schemaType = (input.schemaType ?? 'implicit') as SchemaType;
    if (!SCHEMA_TYPES.includes(schemaType))
      throw DomainError.invalidField('schemaType', `must be one of ${SCHEMA_TYPES.join(', ')}`);
    if (!isId(input.orgID) || !(await this.buckets.orgExists(caller.instanceId, input.orgID))) {
      throw DomainError.notFound(`organization ${preview(input.orgID)} not found`);
    }
    authorize(caller, 'write', { type: 'buckets', orgID: input.orgID });
    const bucket: NewBucket = {
      id: this.ids.newId(),
      orgId: input.orgID,
      name,
      description,
      ...retention,
      schemaType,
      rp,
      ownerId: caller.user?.id ?? null,
    };
    return this.buckets.create(caller.instanceId, bucket, bucketEvents.added(bucket), this.clock.now());
  }
}
