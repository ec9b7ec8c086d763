import { type Permission } from '../authorization/permission';
import { type InstanceState } from '../instances/instance-state';
import { type Id } from '../shared/id';
import { type CallerUser } from '../tenancy/tenant-caller';

export type TokenKind = 'pat' | 'authorization' | 'session';

/** A stored token found by its digest, with its owner. */
export interface TokenGrant {
  readonly instanceId: Id;
  readonly tokenId: Id;
  readonly kind: TokenKind;
  readonly status: 'active' | 'inactive';
  readonly expiresAt: Date | null;
  readonly permissions: Permission[];
  readonly user: CallerUser;
}

export interface InstanceRoute {
  readonly instanceId: Id;
  readonly state: InstanceState;
  readonly isDefault: boolean;
  /** Blocked by the System API's limits: every tenant request is refused with 429. */
  readonly blocked: boolean;
}

export abstract class TenantAuthRepository {
  abstract findTokenByDigest(digest: string): Promise<TokenGrant | null>;
  /** Permissions a signed-in user holds: operator for instance owners, else from org memberships, plus itself. */
  abstract sessionPermissions(instanceId: Id, userId: Id): Promise<Permission[]>;
  abstract findInstanceByHost(host: string): Promise<InstanceRoute | null>;
  abstract findInstanceById(instanceId: Id): Promise<InstanceRoute | null>;
  /** Creates the default instance serving `domain` unless one exists; returns its id. */
  abstract ensureDefaultInstance(domain: string, newId: Id, at: Date): Promise<Id>;
}
