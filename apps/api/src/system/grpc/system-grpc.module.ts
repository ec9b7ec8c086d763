import { Module } from '@nestjs/common';

import { SystemGrpcServer } from './system-grpc.server';
import { SystemServiceImplementation } from './system-service.implementation';

@Module({
  providers: [SystemServiceImplementation, SystemGrpcServer],
  exports: [SystemGrpcServer],
})
export class SystemGrpcModule {}
