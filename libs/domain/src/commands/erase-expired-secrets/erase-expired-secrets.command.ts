import { Command } from '@nestjs/cqrs';

/** Erases the sealed secrets of finished operations once SECRET_RETENTION_SECONDS have passed; answers how many. */
export class EraseExpiredSecretsCommand extends Command<number> {}
