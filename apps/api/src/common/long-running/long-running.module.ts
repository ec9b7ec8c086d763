import { Module } from '@nestjs/common';

import { LongRunningReply } from './long-running-reply';

/** Shared by the System API and the tenant API, so that neither imports the other for it. */
@Module({ providers: [LongRunningReply], exports: [LongRunningReply] })
export class LongRunningModule {}
