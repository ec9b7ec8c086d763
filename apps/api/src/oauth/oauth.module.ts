import { Module } from '@nestjs/common';

import { HostInstanceGuard } from '../tenant/sessions/host-instance.guard';
import { OAuthController } from './oauth.controller';

@Module({
  controllers: [OAuthController],
  providers: [HostInstanceGuard],
})
export class OAuthModule {}
