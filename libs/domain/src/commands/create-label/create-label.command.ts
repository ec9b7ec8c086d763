import { Command } from '@nestjs/cqrs';
import { Label } from '../../labels/label';
import { TenantCaller } from '../../tenancy/tenant-caller';

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
