import { type OnboardingOutcome } from '../onboarding/onboarding-outcome';
import { type Id } from '../shared/id';

export enum OperationState {
  Pending = 'PENDING',
  Running = 'RUNNING',
  Succeeded = 'SUCCEEDED',
  Failed = 'FAILED',
  Cancelled = 'CANCELLED',
}

export enum OperationKind {
  CreateInstance = 'CREATE_INSTANCE',
  /** POST /api/v2/setup: the first user, org, bucket and operator token of an instance. */
  SetupInstance = 'SETUP_INSTANCE',
  /** POST /api/v2/setup/user: another user, org, bucket and token. */
  SetupUser = 'SETUP_USER',
  /** DELETE /system/v1/instances/{id} */
  RemoveInstance = 'REMOVE_INSTANCE',
}

/** Why an operation failed, typed so that callers can decide whether to retry. */
export enum FailureReason {
  DomainTaken = 'DOMAIN_TAKEN',
  Conflict = 'CONFLICT',
  QuotaExceeded = 'QUOTA_EXCEEDED',
  InvalidRequest = 'INVALID_REQUEST',
  Cancelled = 'CANCELLED',
  Internal = 'INTERNAL',
}

export interface OperationFailure {
  readonly reason: FailureReason;
  readonly message: string;
  readonly retryable: boolean;
}

/** When a step of the latest attempt began; a step lasts until the next one begins, the last until the end. */
export interface StepStart {
  readonly name: string;
  readonly startedAt: Date;
}

export interface OperationProgress {
  readonly currentStep: string | null;
  readonly completedSteps: number;
  readonly totalSteps: number;
  /** The steps the latest attempt has begun, in order (absent where a kind does not record them). */
  readonly steps?: readonly StepStart[];
}

export interface ObjectDetails {
  readonly sequence: string;
  readonly creationDate: Date;
  readonly changeDate: Date;
  readonly resourceOwner: Id;
}

/** The non-secret part of a finished CreateInstance. */
export interface CreateInstanceOutcome {
  readonly instanceId: Id;
  readonly details: ObjectDetails;
}

/** The secret part of a finished CreateInstance, stored only sealed and only for a while. */
export interface CreateInstanceSecrets {
  readonly pat?: string;
  /** base64 of the JSON key file */
  readonly machineKey?: string;
  /** the onboarding token of SETUP_INSTANCE and SETUP_USER */
  readonly token?: string;
}

export interface Operation {
  readonly id: Id;
  readonly kind: OperationKind;
  readonly instanceId: Id;
  readonly state: OperationState;
  /** Digest of the System API credential that started it: results with secrets go back only to it. */
  readonly createdBy: string;
  /** The tenant credential that started a setup (`token:<id>` or `session:<id>`), which may read it back; else null. */
  readonly requestedBy: string | null;
  readonly request: unknown;
  readonly sealedInput: string | null;
  readonly progress: OperationProgress;
  readonly attempts: number;
  /** CREATE_INSTANCE and REMOVE_INSTANCE */
  readonly outcome: CreateInstanceOutcome | null;
  /** SETUP_INSTANCE and SETUP_USER only */
  readonly onboarding: OnboardingOutcome | null;
  readonly sealedSecrets: string | null;
  readonly secretsExpireAt: Date | null;
  readonly failure: OperationFailure | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  /** Set when a caller asked a RUNNING operation to stop: it rolls back at its commit point. */
  readonly cancelRequestedAt: Date | null;
}

export function isTerminal(state: OperationState): boolean {
  return state === OperationState.Succeeded || state === OperationState.Failed || state === OperationState.Cancelled;
}
