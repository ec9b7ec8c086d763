import { MachineKeyPool, type PooledKeyPair, ProvisioningBacklog, type RsaKeyPair } from '../ports';
import { type Id } from '../shared/id';

/** The pool's rules as the PostgreSQL adapter keeps them: one claim per operation, a claimed pair is nobody else's. */
export class InMemoryMachineKeyPool extends MachineKeyPool {
  readonly entries: { poolId: Id; pair: RsaKeyPair; claimedBy: Id | null }[] = [];
  private next = 0;

  async claim(operationId: Id): Promise<PooledKeyPair | null> {
    const entry =
      this.entries.find((e) => e.claimedBy === operationId) ?? this.entries.find((e) => e.claimedBy === null);
    if (!entry) return null;
    entry.claimedBy = operationId;
    return { poolId: entry.poolId, ...entry.pair };
  }

  async add(pairs: readonly RsaKeyPair[]): Promise<void> {
    for (const pair of pairs) this.entries.push({ poolId: `pool-${++this.next}`, pair, claimedBy: null });
  }

  async depth(): Promise<number> {
    return this.entries.length;
  }

  /** What the provisioning commit does with the pair it used. */
  consume(poolId: Id, operationId: Id): boolean {
    const index = this.entries.findIndex((e) => e.poolId === poolId && e.claimedBy === operationId);
    if (index >= 0) this.entries.splice(index, 1);
    return index >= 0;
  }
}

/** Backlog answers in order (the last repeats): e.g. [0, 0, 3] is idle twice, then busy. */
export class ScriptedProvisioningBacklog extends ProvisioningBacklog {
  constructor(private readonly answers: number[]) {
    super();
  }

  async jobsWaitingOrRunning(): Promise<number> {
    return this.answers.length > 1 ? (this.answers.shift() ?? 0) : (this.answers[0] ?? 0);
  }
}
