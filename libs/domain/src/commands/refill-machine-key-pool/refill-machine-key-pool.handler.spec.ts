import { type ProvisioningSettings } from '../../ports';
import { InMemoryMachineKeyPool, ScriptedProvisioningBacklog } from '../../testing/in-memory-machine-key-pool';
import { FakeKeyPairGenerator } from '../../testing/in-memory-ports';
import { REFILL_BATCH, RefillMachineKeyPoolHandler } from './refill-machine-key-pool.handler';

function settings(machineKeyPoolSize: number): ProvisioningSettings {
  return {
    baseDomain: 'localhost',
    defaultBucketName: 'default',
    secretRetentionSeconds: 60,
    maxPendingTenantOperations: 5,
    maxPendingCreatesPerCaller: 5,
    onboardDefaultInstance: true,
    machineKeyPoolSize,
  };
}

describe('RefillMachineKeyPoolHandler', () => {
  it('fills an idle pool up to its size, not beyond', async () => {
    const pool = new InMemoryMachineKeyPool();
    const keys = new FakeKeyPairGenerator();
    const handler = new RefillMachineKeyPoolHandler(pool, keys, new ScriptedProvisioningBacklog([0]), settings(5));
    expect(await handler.execute()).toBe(5);
    expect(await pool.depth()).toBe(5);
    expect(keys.calls).toBe(5);
    expect(await handler.execute()).toBe(0);
  });

  it('stops as soon as provisioning work waits, after the batch in hand', async () => {
    const pool = new InMemoryMachineKeyPool();
    const backlog = new ScriptedProvisioningBacklog([0, 4]);
    const handler = new RefillMachineKeyPoolHandler(pool, new FakeKeyPairGenerator(), backlog, settings(50));
    expect(await handler.execute()).toBe(REFILL_BATCH);
  });

  it('makes nothing while work waits, or when the pool is off', async () => {
    const busy = new RefillMachineKeyPoolHandler(
      new InMemoryMachineKeyPool(),
      new FakeKeyPairGenerator(),
      new ScriptedProvisioningBacklog([1]),
      settings(10),
    );
    expect(await busy.execute()).toBe(0);
    const off = new RefillMachineKeyPoolHandler(
      new InMemoryMachineKeyPool(),
      new FakeKeyPairGenerator(),
      new ScriptedProvisioningBacklog([0]),
      settings(0),
    );
    expect(await off.execute()).toBe(0);
  });

  it('counts claimed pairs as present: a claim is consumed by its create, not refilled twice', async () => {
    const pool = new InMemoryMachineKeyPool();
    await pool.add([await new FakeKeyPairGenerator().generateRsa2048()]);
    await pool.claim('op-1');
    const handler = new RefillMachineKeyPoolHandler(
      pool,
      new FakeKeyPairGenerator(),
      new ScriptedProvisioningBacklog([0]),
      settings(3),
    );
    expect(await handler.execute()).toBe(2);
  });
});
