import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { hostWithoutPort } from '../../instances/domain-name';
import { Clock, IdGenerator, ProvisioningSettings, TenantAuthRepository } from '../../ports';
import { Id } from '../../shared/id';
import { EnsureDefaultInstanceCommand } from './ensure-default-instance.command';

@CommandHandler(EnsureDefaultInstanceCommand)
export class EnsureDefaultInstanceHandler implements ICommandHandler<EnsureDefaultInstanceCommand> {
  constructor(
    private readonly auth: TenantAuthRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly settings: ProvisioningSettings,
  ) {}

  async execute(): Promise<Id | null> {
    if (!this.settings.onboardDefaultInstance) return null;
    return this.auth.ensureDefaultInstance(
      hostWithoutPort(this.settings.baseDomain),
      this.ids.newId(),
      this.clock.now(),
    );
  }
}
