import { Module } from '@nestjs/common';

import { BucketLabelsController } from './bucket-labels.controller';
import { BucketMembersController } from './bucket-members.controller';
import { BucketsController } from './buckets.controller';

@Module({ controllers: [BucketsController, BucketLabelsController, BucketMembersController] })
export class BucketsModule {}
