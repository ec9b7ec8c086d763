import { BeforeApplicationShutdown, Injectable, Logger, Type } from '@nestjs/common';

/** One line when a process begins to stop, so that an operator sees why it went quiet and what it still finishes. */
export function shutdownLog(processName: string, stillFinishing: string): Type<BeforeApplicationShutdown> {
  @Injectable()
  class ShutdownLog implements BeforeApplicationShutdown {
    private readonly logger = new Logger(processName);

    beforeApplicationShutdown(signal?: string): void {
      this.logger.log(`${processName} stopping${signal ? ` on ${signal}` : ''}: ${stillFinishing}`);
    }
  }
  return ShutdownLog;
}
