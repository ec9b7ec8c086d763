import { Command } from '@nestjs/cqrs';

import { type Id } from '../../shared/id';

/**
 * The default instance serves BASE_DOMAIN itself, awaiting setup, so a stock InfluxDB client can onboard as against OSS.
 * Nothing is created (null) when ONBOARD_DEFAULT_INSTANCE is false.
 */
export class EnsureDefaultInstanceCommand extends Command<Id | null> {}
