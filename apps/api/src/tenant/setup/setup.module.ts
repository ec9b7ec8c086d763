import { Module } from '@nestjs/common';

import { LongRunningModule } from '../../common/long-running/long-running.module';
import { SetupController } from './setup.controller';

@Module({ imports: [LongRunningModule], controllers: [SetupController] })
export class SetupModule {}
