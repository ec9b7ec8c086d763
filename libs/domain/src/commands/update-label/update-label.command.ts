import { Command } from '@nestjs/cqrs';
import { Label } from '../../labels/label';
import { TenantCaller } from '../../tenancy/tenant-caller';

export class UpdateLabelCommand extends Command<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly labelId: string,
    readonly input: { name?: string; properties?: Record<string, string> },
  ) {
    super();
  }
}
