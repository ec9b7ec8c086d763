import { Module } from '@nestjs/common';

import { AuthorizationsController } from './authorizations.controller';

@Module({ controllers: [AuthorizationsController] })
export class AuthorizationsModule {}
