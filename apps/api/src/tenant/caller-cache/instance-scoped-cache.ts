export interface InstanceScopedCacheOptions {
  /** How long an entry may be served; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Entries held at most; the least recently used goes first. */
  readonly maxEntries: number;
  /** Milliseconds (a fake clock in tests). */
  readonly now?: () => number;
}

/**
 * The owner of entries that any instance's change may make wrong, such as "this host names no instance" (a domain
 * added to any instance ends it): every eviction drops them. Not a valid instance id, so no instance can collide.
 */
export const ANY_INSTANCE = '*';

interface Entry {
  readonly value: unknown;
  readonly instanceId: string;
  readonly expiresAt: number;
}

/**
 * A small LRU cache with a TTL whose every entry belongs to one instance, so that a change to an instance can drop
 * all of its entries at once. It answers only while `serving` (its invalidation source is connected); otherwise
 * every read goes to the loader and nothing is remembered.
 *
 * A load that started before an eviction must not store what it read: it may have read the row the eviction is
 * about, just before that change committed. Each load takes an epoch number first, every eviction advances the
 * epoch, and a store is dropped when its instance (or everything) was evicted after its epoch.
 */
export class InstanceScopedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByInstance = new Map<string, Set<string>>();
  /** The epoch of each instance's last eviction. Bounded: past `maxEntries` instances it is folded into `clearedAt`. */
  private readonly evictedAt = new Map<string, number>();
  private epoch = 0;
  private clearedAt = 0;
  private serving = false;
  private readonly now: () => number;

  constructor(private readonly options: InstanceScopedCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether reads are answered from memory: the cache is on and its invalidation source is connected. */
  get active(): boolean {
    return this.serving && this.options.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The keys held, oldest use first (diagnostics and tests: they must never hold a secret). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Starts (true) or stops (false) answering; both forget everything, since changes in between were not heard. */
  setServing(serving: boolean): void {
    this.serving = serving;
    this.clear();
  }

  /**
   * The cached value under `key`, or what `load` answers. `instanceOf` names the instance a loaded value belongs to
   * (ANY_INSTANCE: whichever instance changes next); null means "do not remember".
   */
  async through<T>(key: string, load: () => Promise<T>, instanceOf: (value: T) => string | null): Promise<T> {
    if (!this.active) return load();
    const hit = this.get(key);
    if (hit !== undefined) return hit.value as T;
    const startedAt = this.epoch;
    const value = await load();
    const instanceId = instanceOf(value);
    if (instanceId !== null) this.store(key, instanceId, value, startedAt);
    return value;
  }

  /**
   * Drops every entry of the instance and those of ANY_INSTANCE, and keeps loads in flight from storing what they
   * read before.
   */
  evictInstance(instanceId: string): void {
    this.epoch += 1;
    if (this.evictedAt.size >= this.options.maxEntries && !this.evictedAt.has(instanceId)) {
      // Folding the per-instance marks into one global mark keeps the map bounded; it only costs some stores.
      this.evictedAt.clear();
      this.clearedAt = this.epoch;
    }
    for (const owner of [instanceId, ANY_INSTANCE]) {
      this.evictedAt.set(owner, this.epoch);
      for (const key of this.keysByInstance.get(owner) ?? []) this.entries.delete(key);
      this.keysByInstance.delete(owner);
    }
  }

  /** Drops everything, and keeps loads in flight from storing. */
  clear(): void {
    this.epoch += 1;
    this.clearedAt = this.epoch;
    this.evictedAt.clear();
    this.entries.clear();
    this.keysByInstance.clear();
  }

  private get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    // Map keeps insertion order: moving a hit to the end makes the first key the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private store(key: string, instanceId: string, value: unknown, startedAt: number): void {
    if (!this.active || this.clearedAt > startedAt || (this.evictedAt.get(instanceId) ?? 0) > startedAt) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { value: deepFreeze(value), instanceId, expiresAt: this.now() + this.options.ttlMs });
    const keys = this.keysByInstance.get(instanceId) ?? new Set<string>();
    keys.add(key);
    this.keysByInstance.set(instanceId, keys);
    if (this.entries.size > this.options.maxEntries) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    const keys = this.keysByInstance.get(entry.instanceId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByInstance.delete(entry.instanceId);
  }
}

/** Shared by every request that hits the entry: a caller that changed it would change it for all of them. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
