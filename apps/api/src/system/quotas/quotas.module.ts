import { Module } from '@nestjs/common';

import { BulkLimitsController } from './bulk-limits.controller';
import { QuotasController } from './quotas.controller';

@Module({ controllers: [BulkLimitsController, QuotasController] })
export class QuotasModule {}
