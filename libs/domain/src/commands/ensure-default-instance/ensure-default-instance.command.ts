import { Command } from '@nestjs/cqrs';
import { Id } from '../../shared/id';

/** The default instance serves BASE_DOMAIN itself, awaiting setup, so a stock InfluxDB client can onboard as against OSS. */
export class EnsureDefaultInstanceCommand extends Command<Id> {}
