import { ConsoleSessionStore } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Module } from '@nestjs/common';

import { ConsoleController } from './console.controller';
import { ConsoleSessions } from './console-sessions';

/** The operator console's session and dashboard routes; its pages are served by serveConsole. */
@Module({
  controllers: [ConsoleController],
  providers: [
    {
      provide: ConsoleSessions,
      inject: [AppConfig, ConsoleSessionStore],
      useFactory: (c: AppConfig, s: ConsoleSessionStore) => new ConsoleSessions(c, s),
    },
  ],
})
export class ConsoleModule {}
