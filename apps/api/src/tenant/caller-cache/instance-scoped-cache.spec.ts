import { ANY_INSTANCE, InstanceScopedCache } from './instance-scoped-cache';

/** A loader that counts its calls and answers `{ instanceId, n }` (n: the call number). */
function counter(instanceId: string) {
  let calls = 0;
  return jest.fn(async () => ({ instanceId, n: ++calls }));
}
const byInstance = (value: { instanceId: string } | null) => value?.instanceId ?? null;

describe('InstanceScopedCache', () => {
  let now: number;
  let cache: InstanceScopedCache;

  beforeEach(() => {
    now = 1_000_000;
    cache = new InstanceScopedCache({ ttlMs: 5000, maxEntries: 3, now: () => now });
    cache.setServing(true);
  });

  it('answers from memory within the TTL and reads again once it is over', async () => {
    const load = counter('a');
    expect(await cache.through('k', load, byInstance)).toEqual({ instanceId: 'a', n: 1 });
    now += 4999;
    expect(await cache.through('k', load, byInstance)).toEqual({ instanceId: 'a', n: 1 });
    now += 1;
    expect(await cache.through('k', load, byInstance)).toEqual({ instanceId: 'a', n: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const loads = { k1: counter('a'), k2: counter('a'), k3: counter('b'), k4: counter('b') };
    await cache.through('k1', loads.k1, byInstance);
    await cache.through('k2', loads.k2, byInstance);
    await cache.through('k3', loads.k3, byInstance);
    await cache.through('k1', loads.k1, byInstance); // k1 used again: k2 is now the oldest
    await cache.through('k4', loads.k4, byInstance);
    expect(cache.size).toBe(3);

    await cache.through('k1', loads.k1, byInstance);
    await cache.through('k3', loads.k3, byInstance);
    await cache.through('k4', loads.k4, byInstance);
    expect([loads.k1, loads.k3, loads.k4].map((l) => l.mock.calls.length)).toEqual([1, 1, 1]);
    await cache.through('k2', loads.k2, byInstance);
    expect(loads.k2).toHaveBeenCalledTimes(2);
  });

  it("drops one instance's entries and keeps the others'", async () => {
    const a = counter('a');
    const b = counter('b');
    await cache.through('a1', a, byInstance);
    await cache.through('b1', b, byInstance);
    cache.evictInstance('a');
    await cache.through('a1', a, byInstance);
    await cache.through('b1', b, byInstance);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('does not store what a load read before an eviction of its instance (or a clear) that came during it', async () => {
    for (const interrupt of [() => cache.evictInstance('a'), () => cache.clear()]) {
      let finish!: (value: { instanceId: string }) => void;
      const slow = () => new Promise<{ instanceId: string }>((resolve) => (finish = resolve));
      const reading = cache.through('k', slow, byInstance);
      interrupt(); // the change commits while the old row is on its way
      finish({ instanceId: 'a' });
      await reading;
      const fresh = counter('a');
      await cache.through('k', fresh, byInstance);
      expect(fresh).toHaveBeenCalledTimes(1);
      cache.clear();
    }
  });

  it("stores a load that overlapped another instance's eviction", async () => {
    let finish!: (value: { instanceId: string }) => void;
    const slow = () => new Promise<{ instanceId: string }>((resolve) => (finish = resolve));
    const reading = cache.through('k', slow, byInstance);
    cache.evictInstance('b');
    finish({ instanceId: 'a' });
    await reading;
    const again = counter('a');
    await cache.through('k', again, byInstance);
    expect(again).not.toHaveBeenCalled();
  });

  it('remembers nothing that belongs to no instance (nothing found)', async () => {
    const missing = jest.fn(async () => null);
    await cache.through('k', missing, byInstance);
    await cache.through('k', missing, byInstance);
    expect(missing).toHaveBeenCalledTimes(2);
  });

  it('drops what belongs to any instance (a host that names none) on every eviction, whichever the instance', async () => {
    const unrouted = jest.fn(async () => null);
    const anyInstance = () => ANY_INSTANCE;
    await cache.through('host:nowhere', unrouted, anyInstance);
    await cache.through('host:nowhere', unrouted, anyInstance);
    expect(unrouted).toHaveBeenCalledTimes(1);
    cache.evictInstance('b'); // e.g. instance b just took the domain "nowhere"
    await cache.through('host:nowhere', unrouted, anyInstance);
    expect(unrouted).toHaveBeenCalledTimes(2);

    let finish!: (value: null) => void;
    const slow = () => new Promise<null>((resolve) => (finish = resolve));
    cache.clear();
    const reading = cache.through('host:nowhere', slow, anyInstance);
    cache.evictInstance('c'); // a domain added while the miss was on its way
    finish(null);
    await reading;
    await cache.through('host:nowhere', unrouted, anyInstance);
    expect(unrouted).toHaveBeenCalledTimes(3);
  });

  it('reads the loader every time while not serving, and forgets everything when it stops or starts serving', async () => {
    const load = counter('a');
    await cache.through('k', load, byInstance);
    cache.setServing(false);
    expect(cache.size).toBe(0);
    await cache.through('k', load, byInstance);
    await cache.through('k', load, byInstance);
    expect(load).toHaveBeenCalledTimes(3);
    expect(cache.size).toBe(0);
    cache.setServing(true);
    await cache.through('k', load, byInstance);
    await cache.through('k', load, byInstance);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('is off with a TTL of 0', async () => {
    const off = new InstanceScopedCache({ ttlMs: 0, maxEntries: 10, now: () => now });
    off.setServing(true);
    const load = counter('a');
    await off.through('k', load, byInstance);
    await off.through('k', load, byInstance);
    expect(load).toHaveBeenCalledTimes(2);
    expect(off.active).toBe(false);
  });

  it('hands out frozen values, since every request that hits the entry shares them', async () => {
    const value = await cache.through(
      'k',
      async () => ({ instanceId: 'a', permissions: [{ action: 'read' }] }),
      byInstance,
    );
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.permissions[0])).toBe(true);
  });
});
