import { type OnboardingPlan } from '../onboarding/onboarding-plan';
import { type OnboardingSpec } from '../onboarding/onboarding-spec';
import { type OperationKind } from '../operations/operation';
import { type PendingWorkAdmission } from '../operations/pending-work';
import { type Id } from '../shared/id';
import { type CommitOutcome } from './provisioning-store.port';

export interface OnboardingReservation {
  readonly operationId: Id;
  readonly instanceId: Id;
  readonly kind: OperationKind.SetupInstance | OperationKind.SetupUser;
  /** Digest of the claim returned with the 202. */
  readonly createdBy: string;
  /** The token or session that asked (see requesterOf); null for an anonymous setup. */
  readonly requestedBy: string | null;
  readonly request: OnboardingSpec;
  readonly sealedInput: string;
  readonly totalSteps: number;
  readonly at: Date;
}

export abstract class OnboardingStore {
  /** True exactly while the instance has no user and no org. */
  abstract isSetupAllowed(instanceId: Id): Promise<boolean>;
  /**
   * Throws DomainError(CONFLICT) "onboarding has already been completed" when an initial setup exists already.
   * `admit` gets the number of the instance's unfinished setups, counted under the instance's lock, and may refuse.
   */
  abstract reserve(reservation: OnboardingReservation, admit: PendingWorkAdmission): Promise<void>;
  /** Writes the plan and finishes its operation in one transaction; CONFLICT when a name is taken or setup happened meanwhile. */
  abstract commit(plan: OnboardingPlan, at: Date): Promise<CommitOutcome>;
}
