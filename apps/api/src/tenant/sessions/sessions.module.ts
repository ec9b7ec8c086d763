import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/persistence';
import { HostInstanceGuard } from './host-instance.guard';
import { SessionsController } from './sessions.controller';
import { SignInThrottlerGuard } from './signin-throttler.guard';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ name: 'default', ttl: 60_000, limit: config.signInAttemptsPerMinute }],
    }),
  ],
  controllers: [SessionsController],
  providers: [HostInstanceGuard, SignInThrottlerGuard],
})
export class SessionsModule {}
