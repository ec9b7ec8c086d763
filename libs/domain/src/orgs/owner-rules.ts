import { holdsAll } from '../authorization/authorize';
import { operatorPermissions } from '../authorization/permission';
import { DomainError, ErrorCode } from '../errors';
import { type Id } from '../shared/id';
import { type TenantCaller } from '../tenancy/tenant-caller';

/**
 * What the owner rules need to know about one user, read in the transaction that makes the change, after it locked
 * the instance (so that two concurrent changes cannot each leave the other one the last owner).
 */
export interface OwnershipFacts {
  /** The user is an instance owner, which the tenant API calls an instance operator. */
  readonly isInstanceOperator: boolean;
  /** Active instance operators, the user included when it is one. */
  readonly activeOperatorIds: readonly Id[];
  /** Orgs whose only owner is this user. */
  readonly soleOwnerOf: readonly { readonly id: Id; readonly name: string }[];
}

/** A rule about one user: the repository reads that user's facts in its transaction and calls `check`, which throws to refuse. */
export interface OwnershipGuard {
  readonly userId: Id;
  check(facts: OwnershipFacts): void;
}

/** The caller acts as an instance operator: it holds read and write on everything (an owner's session, or an operator token). */
export function actsAsOperator(caller: TenantCaller): boolean {
  return caller.kind !== 'anonymous' && holdsAll(caller, operatorPermissions());
}

const lastOwner = (userName: string, orgs: readonly { name: string }[]) =>
  new DomainError(
    ErrorCode.Conflict,
    `user ${userName} is the last owner of organization ${orgs.map((o) => o.name).join(', ')}: add another owner first, or delete the organization`,
  );

const lastOperator = (userName: string) =>
  new DomainError(
    ErrorCode.Conflict,
    `user ${userName} is the last active instance operator: make another user an instance operator first`,
  );

/** Only the token's own user or an instance operator may change or delete a token of an instance operator. */
export function tokenChangeGuard(caller: TenantCaller, tokenUserId: Id): OwnershipGuard {
  return guard(tokenUserId, (owner) => {
    if (owner.isInstanceOperator && caller.user?.id !== tokenUserId && !actsAsOperator(caller)) {
      throw new DomainError(
        ErrorCode.PermissionDenied,
        "only the token's owner or an instance operator may change an instance operator's token",
      );
    }
  });
}

/** Removing an owner from an org: never the last one, and an instance operator only by an operator or itself. */
export function ownerRemovalGuard(
  caller: TenantCaller,
  orgId: Id,
  user: { readonly id: Id; readonly name: string },
): OwnershipGuard {
  return guard(user.id, (target) => {
    if (target.isInstanceOperator && caller.user?.id !== user.id && !actsAsOperator(caller)) {
      throw new DomainError(
        ErrorCode.PermissionDenied,
        "only an instance operator may remove an instance operator from an organization's owners",
      );
    }
    const sole = target.soleOwnerOf.filter((o) => o.id === orgId);
    if (sole.length > 0) throw lastOwner(user.name, sole);
  });
}

/** Deleting a user: not the last owner of any org, and not the last active instance operator (oneself included). */
export function userDeletionGuard(userId: Id, userName: string): OwnershipGuard {
  return guard(userId, (target) => {
    if (target.soleOwnerOf.length > 0) throw lastOwner(userName, target.soleOwnerOf);
    if (isLastActiveOperator(target, userId)) throw lastOperator(userName);
  });
}

/** Deactivating a user: not the last active instance operator. */
export function userDeactivationGuard(userId: Id, userName: string): OwnershipGuard {
  return guard(userId, (target) => {
    if (isLastActiveOperator(target, userId)) throw lastOperator(userName);
  });
}

function guard(userId: Id, check: (facts: OwnershipFacts) => void): OwnershipGuard {
  return { userId, check };
}

function isLastActiveOperator(facts: OwnershipFacts, userId: Id): boolean {
  return facts.activeOperatorIds.length === 1 && facts.activeOperatorIds[0] === userId;
}
