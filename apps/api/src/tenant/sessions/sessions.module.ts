import { Module } from '@nestjs/common';

import { HostInstanceGuard } from './host-instance.guard';
import { SessionsController } from './sessions.controller';

@Module({
  controllers: [SessionsController],
  providers: [HostInstanceGuard],
})
export class SessionsModule {}
