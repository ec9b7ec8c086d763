/**
 * In-memory fake of the onboarding store's API side, for unit specs only (nothing in the app imports this file). It
 * keeps its operations in an InMemoryOperationRepository and reads whether the instance has users or orgs from an
 * InMemoryOrgRepository, as the real store reads the users and orgs tables.
 */
import { DomainError, ErrorCode } from '../errors';
import { isTerminal, OperationKind, OperationState } from '../operations/operation';
import { type PendingWorkAdmission } from '../operations/pending-work';
import { type CommitOutcome, type OnboardingReservation, type OnboardingStore } from '../ports';
import { type Id } from '../shared/id';
import { InMemoryOrgRepository } from './in-memory-orgs';
import { InMemoryOperationRepository } from './in-memory-ports';
import { InMemoryUserRepository } from './in-memory-users';

export class InMemoryOnboardingStore implements OnboardingStore {
  constructor(
    readonly operations = new InMemoryOperationRepository(),
    readonly orgs = new InMemoryOrgRepository(new InMemoryUserRepository()),
  ) {}

  /** True exactly while the instance has no user and no org. */
  async isSetupAllowed(instanceId: Id): Promise<boolean> {
    return (
      !this.orgs.rows.some((o) => o.instanceId === instanceId) &&
      !this.orgs.users.rows.some((u) => u.instanceId === instanceId)
    );
  }

  /**
   * Admits by the instance's unfinished setups, then stores the PENDING operation. A second SETUP_INSTANCE that has
   * not failed conflicts, like the unique index operations_one_setup_per_instance.
   */
  async reserve(r: OnboardingReservation, admit: PendingWorkAdmission): Promise<void> {
    const setups = [...this.operations.rows.values()].filter(
      (o) =>
        o.instanceId === r.instanceId && (o.kind === OperationKind.SetupInstance || o.kind === OperationKind.SetupUser),
    );
    admit(setups.filter((o) => !isTerminal(o.state)).length);
    if (
      r.kind === OperationKind.SetupInstance &&
      setups.some((o) => o.kind === OperationKind.SetupInstance && o.state !== OperationState.Failed)
    ) {
      throw new DomainError(ErrorCode.Conflict, 'onboarding has already been completed');
    }
    this.operations.put({
      id: r.operationId,
      kind: r.kind,
      instanceId: r.instanceId,
      state: OperationState.Pending,
      createdBy: r.createdBy,
      requestedBy: r.requestedBy,
      request: r.request,
      sealedInput: r.sealedInput,
      progress: { currentStep: null, completedSteps: 0, totalSteps: r.totalSteps },
      attempts: 0,
      outcome: null,
      onboarding: null,
      sealedSecrets: null,
      secretsExpireAt: null,
      failure: null,
      createdAt: r.at,
      startedAt: null,
      finishedAt: null,
      cancelRequestedAt: null,
    });
  }

  /** The worker's side, which these fakes do not model. */
  async commit(): Promise<CommitOutcome> {
    throw new Error('InMemoryOnboardingStore does not fake commit');
  }
}
