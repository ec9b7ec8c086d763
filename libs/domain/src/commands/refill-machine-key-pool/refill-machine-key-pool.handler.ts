import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { KeyPairGenerator, MachineKeyPool, ProvisioningBacklog, ProvisioningSettings } from '../../ports';
import { RefillMachineKeyPoolCommand } from './refill-machine-key-pool.command';

/** Pairs made at once: one per core keeps libuv's thread pool busy without starving anything else. */
export const REFILL_BATCH = 2;

/**
 * Tops the machine key pool up to MACHINE_KEY_POOL_SIZE, a small batch at a time, and stops as soon as provisioning
 * work is waiting or running: key pairs made ahead must never slow down a create that is happening now.
 * Answers how many pairs it added.
 */
@CommandHandler(RefillMachineKeyPoolCommand)
export class RefillMachineKeyPoolHandler implements ICommandHandler<RefillMachineKeyPoolCommand> {
  constructor(
    private readonly pool: MachineKeyPool,
    private readonly keys: KeyPairGenerator,
    private readonly backlog: ProvisioningBacklog,
    private readonly settings: ProvisioningSettings,
  ) {}

  async execute(): Promise<number> {
    const target = this.settings.machineKeyPoolSize;
    let depth = await this.pool.depth();
    let added = 0;
    while (depth < target && (await this.backlog.jobsWaitingOrRunning()) === 0) {
      const batch = Math.min(REFILL_BATCH, target - depth);
      const pairs = await Promise.all(Array.from({ length: batch }, () => this.keys.generateRsa2048()));
      await this.pool.add(pairs);
      depth += batch;
      added += batch;
    }
    return added;
  }
}
