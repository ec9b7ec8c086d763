import { FixedClock, SequentialIdGenerator, TEST_SETTINGS } from '../../testing/in-memory-ports';
import { InMemoryTenantAuthRepository } from '../../testing/in-memory-tenant-auth';
import { EnsureDefaultInstanceHandler } from './ensure-default-instance.handler';

describe(EnsureDefaultInstanceHandler.name, () => {
  let auth: InMemoryTenantAuthRepository;
  const handlerWith = (onboardDefaultInstance: boolean) =>
    new EnsureDefaultInstanceHandler(auth, new SequentialIdGenerator(), new FixedClock(), {
      ...TEST_SETTINGS,
      baseDomain: 'Metrics.Example:8080',
      onboardDefaultInstance,
    });

  beforeEach(() => (auth = new InMemoryTenantAuthRepository()));

  it('creates the default instance serving BASE_DOMAIN without its port, once', async () => {
    const id = await handlerWith(true).execute();
    expect(id).toBe('0000000000000001');
    expect(await auth.findInstanceByHost('metrics.example')).toEqual(
      expect.objectContaining({ instanceId: id, isDefault: true }),
    );
    expect(await handlerWith(true).execute()).toBe(id);
    expect(auth.instances.size).toBe(1);
  });

  it('creates nothing and answers null when ONBOARD_DEFAULT_INSTANCE is off', async () => {
    expect(await handlerWith(false).execute()).toBeNull();
    expect(auth.instances.size).toBe(0);
  });
});
