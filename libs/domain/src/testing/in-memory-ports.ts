/**
 * Hand-written in-memory fakes of the domain ports, for unit specs only (nothing in the app imports this file).
 * They record what the handlers asked of them so that a spec can assert on it.
 */
import { createHash } from 'node:crypto';

import { DomainError } from '../errors';
import {
  isTerminal,
  type Operation,
  type OperationFailure,
  OperationKind,
  type OperationProgress,
  OperationState,
} from '../operations/operation';
import { type LimitedAdmission } from '../operations/pending-work';
import { reservedOperation } from '../operations/reserved-operation';
import {
  type CancelOutcome,
  type Clock,
  type CommitOutcome,
  type GeneratedToken,
  type IdGenerator,
  type InstanceReservation,
  type KeyPairGenerator,
  type OperationFilter,
  type OperationRepository,
  type PasswordHasher,
  type ProvisioningQueue,
  type ProvisioningSettings,
  type ProvisioningStore,
  type RsaKeyPair,
  type SecretSealer,
  type TokenGenerator,
} from '../ports';
import { type ProvisioningPlan } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2025-01-15T12:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Ids 0000000000000001, 0000000000000002, ...; suffixes cut from a fixed string. */
export class SequentialIdGenerator implements IdGenerator {
  private next = 0;
  readonly issued: Id[] = [];
  newId(): Id {
    const id = (++this.next).toString(16).padStart(16, '0');
    this.issued.push(id);
    return id;
  }
  randomSuffix(length: number): string {
    return 'abc123def456ghi789'.slice(0, length);
  }
}

/** Not encryption: base64 behind a marker, so a spec can tell sealed from plain and open it again. */
export class FakeSecretSealer implements SecretSealer {
  seal(plaintext: string): string {
    return `sealed:${Buffer.from(plaintext, 'utf8').toString('base64')}`;
  }
  open(sealed: string): string {
    if (!sealed.startsWith('sealed:')) throw new Error('not sealed by this sealer');
    return Buffer.from(sealed.slice('sealed:'.length), 'base64').toString('utf8');
  }
}

export class FakePasswordHasher implements PasswordHasher {
  readonly hashed: string[] = [];
  async hash(password: string): Promise<string> {
    this.hashed.push(password);
    return `$fake-argon2id$${sha256(password)}`;
  }
  async verify(hash: string, password: string): Promise<boolean> {
    return hash === `$fake-argon2id$${sha256(password)}`;
  }
}

export const FAKE_KEY_PAIR: RsaKeyPair = {
  // Not a key: a PEM-shaped placeholder (assembled so that no key-looking literal sits in the source).
  privateKeyPem: `-----BEGIN RSA ${'PRIVATE'} KEY-----\nfake-private\n-----END RSA ${'PRIVATE'} KEY-----\n`,
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nfake-public\n-----END PUBLIC KEY-----\n',
};

export class FakeKeyPairGenerator implements KeyPairGenerator {
  calls = 0;
  async generateRsa2048(): Promise<RsaKeyPair> {
    this.calls += 1;
    return FAKE_KEY_PAIR;
  }
}

export class FakeTokenGenerator implements TokenGenerator {
  private next = 0;
  generate(): GeneratedToken {
    const plaintext = `fake-token-${++this.next}-0123456789abcdefghijklmnopqrstuvwxyz`;
    return { plaintext, digest: this.digest(plaintext) };
  }
  digest(plaintext: string): string {
    return sha256(plaintext);
  }
}

export class RecordingProvisioningQueue implements ProvisioningQueue {
  readonly provisioning: Id[] = [];
  readonly onboarding: Id[] = [];
  readonly removal: Id[] = [];
  /** When set, the next enqueue throws it (Redis down). */
  failWith: Error | null = null;
  async enqueueProvisioning(operationId: Id): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.provisioning.push(operationId);
  }
  async enqueueOnboarding(operationId: Id): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.onboarding.push(operationId);
  }
  async enqueueRemoval(operationId: Id): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.removal.push(operationId);
  }
}

export class InMemoryOperationRepository implements OperationRepository {
  readonly rows = new Map<Id, Operation>();
  readonly progress: OperationProgress[] = [];

  put(operation: Operation): void {
    this.rows.set(operation.id, operation);
  }
  update(operationId: Id, changes: Partial<Operation>): void {
    const row = this.rows.get(operationId);
    if (row) this.rows.set(operationId, { ...row, ...changes });
  }
  /** Newest first, then by id descending; `before` is the keyset cursor (created at, id), as in the real query. */
  async list(filter: OperationFilter = { limit: Number.MAX_SAFE_INTEGER }): Promise<Operation[]> {
    const newestFirst = (a: Operation, b: Operation) =>
      b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
    return [...this.rows.values()]
      .filter((o) => filter.instanceId === undefined || o.instanceId === filter.instanceId)
      .filter(
        (o) =>
          (filter.kind === undefined || o.kind === filter.kind) &&
          (filter.state === undefined || o.state === filter.state),
      )
      .filter((o) => filter.before === undefined || newestFirst(o, { ...o, ...filter.before }) > 0)
      .sort(newestFirst)
      .slice(0, filter.limit);
  }
  async findById(operationId: Id): Promise<Operation | null> {
    return this.rows.get(operationId) ?? null;
  }
  async markRunning(operationId: Id, at: Date): Promise<Operation | null> {
    const row = this.rows.get(operationId);
    if (!row || isTerminal(row.state)) return null;
    this.update(operationId, {
      state: OperationState.Running,
      attempts: row.attempts + 1,
      startedAt: row.startedAt ?? at,
    });
    return this.rows.get(operationId) ?? null;
  }
  async recordProgress(operationId: Id, progress: OperationProgress): Promise<void> {
    this.progress.push(progress);
    this.update(operationId, { progress });
  }
  /** Answers at once: in memory nothing runs meanwhile. */
  async waitUntilFinished(operationId: Id): Promise<Operation | null> {
    return this.rows.get(operationId) ?? null;
  }
  async eraseExpiredSecrets(now: Date): Promise<number> {
    let erased = 0;
    for (const row of this.rows.values()) {
      if (row.sealedSecrets && row.secretsExpireAt && row.secretsExpireAt <= now) {
        this.update(row.id, { sealedSecrets: null, secretsExpireAt: null });
        erased += 1;
      }
    }
    return erased;
  }
  async pruneFinished(finishedBefore: Date): Promise<number> {
    const doomed = [...this.rows.values()].filter((o) => o.finishedAt !== null && o.finishedAt < finishedBefore);
    doomed.forEach((o) => this.rows.delete(o.id));
    return doomed.length;
  }
  async countByKindAndState(): Promise<{ kind: string; state: string; count: number }[]> {
    return [];
  }
}

/** Keeps reservations, plans and failures, and moves the operations it shares with an InMemoryOperationRepository. */
export class InMemoryProvisioningStore implements ProvisioningStore {
  readonly reservations: InstanceReservation[] = [];
  readonly commits: ProvisioningPlan[] = [];
  readonly failures: { operationId: Id; failure: OperationFailure; at: Date }[] = [];
  /** When set, the next commit throws it. */
  commitError: Error | null = null;

  constructor(readonly operations = new InMemoryOperationRepository()) {}

  async reserve(r: InstanceReservation, admit?: LimitedAdmission): Promise<void> {
    const unfinished = [...this.operations.rows.values()].filter(
      (o) => o.createdBy === r.operation.createdBy && o.kind === OperationKind.CreateInstance && !isTerminal(o.state),
    );
    admit?.(unfinished.length);
    const taken = new Set(this.reservations.flatMap((x) => x.domains.map((d) => d.domain)));
    const clash = r.domains.find((d) => taken.has(d.domain));
    if (clash) throw DomainError.alreadyExists(`domain ${clash.domain} is already taken`);
    this.reservations.push(r);
    this.operations.put(reservedOperation(r));
  }

  async commit(plan: ProvisioningPlan, at: Date): Promise<CommitOutcome> {
    if (this.commitError) {
      const error = this.commitError;
      this.commitError = null;
      throw error;
    }
    const row = await this.operations.findById(plan.operationId);
    if (row && isTerminal(row.state)) return 'already-finished';
    if (row?.cancelRequestedAt) {
      this.operations.update(plan.operationId, { state: OperationState.Cancelled, finishedAt: at });
      return 'cancelled';
    }
    this.commits.push(plan);
    this.operations.update(plan.operationId, {
      state: OperationState.Succeeded,
      sealedInput: null,
      sealedSecrets: plan.sealedSecrets,
      secretsExpireAt: plan.secretsExpireAt,
      finishedAt: at,
    });
    return 'written';
  }

  async fail(operationId: Id, failure: OperationFailure, at: Date): Promise<void> {
    this.failures.push({ operationId, failure, at });
    this.operations.update(operationId, {
      state: OperationState.Failed,
      failure,
      sealedInput: null,
      sealedSecrets: null,
      secretsExpireAt: null,
      finishedAt: at,
    });
  }

  async cancel(operationId: Id, at: Date): Promise<CancelOutcome> {
    const row = await this.operations.findById(operationId);
    if (!row || isTerminal(row.state)) return 'finished';
    if (row.state === OperationState.Pending) {
      this.operations.update(operationId, { state: OperationState.Cancelled, sealedInput: null, finishedAt: at });
      return 'cancelled';
    }
    this.operations.update(operationId, { cancelRequestedAt: at });
    return 'requested';
  }
}

export const TEST_SETTINGS: ProvisioningSettings = {
  baseDomain: 'Localhost:8080',
  defaultBucketName: 'default',
  secretRetentionSeconds: 3600,
  maxPendingTenantOperations: 10,
  maxPendingCreatesPerCaller: 100,
  onboardDefaultInstance: true,
  machineKeyPoolSize: 0,
};

/** A CREATE_INSTANCE operation row with sensible defaults, for query specs. */
export function operationRow(overrides: Partial<Operation> = {}): Operation {
  return {
    id: 'aaaaaaaaaaaaaaaa',
    kind: OperationKind.CreateInstance,
    instanceId: 'bbbbbbbbbbbbbbbb',
    state: OperationState.Succeeded,
    createdBy: 'caller-digest',
    requestedBy: null,
    request: {},
    sealedInput: null,
    progress: { currentStep: null, completedSteps: 1, totalSteps: 1 },
    attempts: 1,
    outcome: null,
    onboarding: null,
    sealedSecrets: null,
    secretsExpireAt: null,
    failure: null,
    cancelRequestedAt: null,
    createdAt: new Date('2025-01-15T11:59:00.000Z'),
    startedAt: new Date('2025-01-15T11:59:01.000Z'),
    finishedAt: new Date('2025-01-15T11:59:02.000Z'),
    ...overrides,
  };
}
