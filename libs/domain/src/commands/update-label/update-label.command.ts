import { Command } from '@nestjs/cqrs';

import { type Label } from '../../labels/label';
import { type TenantCaller } from '../../tenancy/tenant-caller';

export class UpdateLabelCommand extends Command<Label> {
  constructor(
    readonly caller: TenantCaller,
    readonly labelId: string,
    readonly input: { name?: string; properties?: Record<string, string> },
  ) {
    super();
  }
}
