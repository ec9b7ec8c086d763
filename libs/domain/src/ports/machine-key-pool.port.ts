import { type Id } from '../shared/id';
import { type RsaKeyPair } from './key-pair-generator.port';

export interface PooledKeyPair extends RsaKeyPair {
  /** The pool entry; the provisioning commit consumes it by this id. */
  readonly poolId: Id;
}

/**
 * RSA-2048 key pairs made ahead of need, while the worker is idle, so that a create does not wait for one.
 * Each pair serves exactly one instance: a claim marks it for one operation, and the transaction that writes the
 * instance deletes it (`ProvisioningPlan.pooledKeyId`), failing when the claim was lost meanwhile.
 */
export abstract class MachineKeyPool {
  /** The operation's earlier claim if it has one (a retried job), else a free or abandoned pair; null when empty. */
  abstract claim(operationId: Id): Promise<PooledKeyPair | null>;
  abstract add(pairs: readonly RsaKeyPair[]): Promise<void>;
  /** Pairs not yet consumed, claimed or not. */
  abstract depth(): Promise<number>;
}

/** Where the worker counts whether a create found its key pair in the pool (hit) or had to make one (miss). */
export abstract class MachineKeyPoolMetrics {
  abstract countClaim(outcome: 'hit' | 'miss'): void;
}
