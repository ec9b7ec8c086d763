import { type OperationFailure, type OperationKind } from '../operations/operation';
import { type LimitedAdmission } from '../operations/pending-work';
import { type InstanceSpec } from '../provisioning/instance-spec';
import { type ProvisioningPlan } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';

export interface ReservedDomain {
  readonly domain: string;
  readonly generated: boolean;
  readonly primary: boolean;
}

/** What the API stores before it enqueues: the instance in STATE_CREATING, its domains, and the operation. */
export interface InstanceReservation {
  readonly instanceId: Id;
  readonly name: string;
  readonly defaultLanguage: string;
  readonly domains: ReservedDomain[];
  readonly operation: {
    readonly id: Id;
    readonly kind: OperationKind;
    readonly createdBy: string;
    readonly request: InstanceSpec;
    readonly sealedInput: string;
    readonly totalSteps: number;
  };
  readonly at: Date;
}

/** `cancelled`: a cancel was asked while the work ran; nothing was written and the operation ended CANCELLED. */
export type CommitOutcome = 'written' | 'already-finished' | 'cancelled';

export type CancelOutcome = 'cancelled' | 'requested' | 'finished';

export abstract class ProvisioningStore {
  /**
   * Throws DomainError(ALREADY_EXISTS) when a domain is taken; stores nothing then. `admit` gets the number of the
   * caller's (`operation.createdBy`) unfinished creates, counted under a lock per caller, and may refuse.
   */
  abstract reserve(reservation: InstanceReservation, admit?: LimitedAdmission): Promise<void>;
  /** Writes every row of the plan and finishes its operation in one transaction, unless the operation already finished. */
  abstract commit(plan: ProvisioningPlan, at: Date): Promise<CommitOutcome>;
  /** Finishes the operation as failed and releases what it reserved (instance STATE_FAILED, domains freed, secrets erased). */
  abstract fail(operationId: Id, failure: OperationFailure, at: Date): Promise<void>;
  /**
   * A PENDING operation ends CANCELLED at once (its job then does nothing); a RUNNING one is asked to stop and rolls
   * back at its commit point; a finished one stays as it is.
   */
  abstract cancel(operationId: Id, at: Date): Promise<CancelOutcome>;
}
