import { Module } from '@nestjs/common';

import { OrgMembersController } from './org-members.controller';
import { OrgsController } from './orgs.controller';

@Module({ controllers: [OrgsController, OrgMembersController] })
export class OrgsModule {}
