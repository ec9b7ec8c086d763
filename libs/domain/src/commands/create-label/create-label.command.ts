import { Command } from '@nestjs/cqrs';

import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface CreateLabelInput {
  readonly orgID?: string;
  readonly name?: string;
  readonly properties?: Record<string, string>;
}

export class CreateLabelCommand extends Command<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly input: CreateLabelInput,
  ) {
    super();
  }
}
