import { Module } from '@nestjs/common';

import { LongRunningModule } from '../../common/long-running/long-running.module';
import { DomainsController } from '../domains/domains.controller';
import { LimitsController } from '../limits/limits.controller';
import { MembersController } from '../members/members.controller';
import { InstancesController } from './instances.controller';

@Module({
  imports: [LongRunningModule],
  controllers: [InstancesController, DomainsController, LimitsController, MembersController],
})
export class InstancesModule {}
