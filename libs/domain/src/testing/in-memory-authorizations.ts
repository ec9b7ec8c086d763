/**
 * In-memory fake of the authorization repository, for unit specs only (nothing in the app imports this file). It
 * reads org and user names, bucket locations and owner rules from an InMemoryOrgRepository, as the real one joins
 * the orgs and users tables.
 */
import { type Permission } from '../authorization/permission';
import { type Authorization } from '../authorizations/authorization';
import { resourceKey, type ResourceOrgs, type ResourceRef } from '../authorizations/permission-targets';
import { DomainError } from '../errors';
import { type OwnershipGuard } from '../orgs/owner-rules';
import {
  type AuthorizationChanges,
  type AuthorizationFilter,
  type AuthorizationRepository,
  type NewAuthorization,
} from '../ports';
import { type PlannedEvent } from '../provisioning/provisioning-plan';
import { type Id } from '../shared/id';
import { enforceOwnership, type InMemoryOrgRepository } from './in-memory-orgs';

export interface StoredToken {
  readonly instanceId: Id;
  readonly id: Id;
  readonly kind: 'authorization' | 'pat';
  status: 'active' | 'inactive';
  description: string;
  /** null once its org was removed (a PAT keeps working without one, but is no longer listed). */
  readonly orgId: Id | null;
  readonly userId: Id;
  readonly digest: string;
  readonly permissions: readonly Permission[];
  readonly createdAt: Date;
  updatedAt: Date;
}

export class InMemoryAuthorizationRepository implements AuthorizationRepository {
  readonly tokens: StoredToken[] = [];
  readonly events: PlannedEvent[] = [];
  writes = 0;

  constructor(readonly orgs: InMemoryOrgRepository) {}

  put(token: Pick<StoredToken, 'instanceId' | 'id' | 'orgId' | 'userId'> & Partial<StoredToken>): void {
    this.tokens.push({
      kind: 'authorization',
      status: 'active',
      description: '',
      digest: `digest-of-${token.id}`,
      permissions: [],
      createdAt: new Date(0),
      updatedAt: new Date(0),
      ...token,
    });
  }

  /** Ordered by id; tokens whose org or user is gone are left out (the real query joins both). */
  async list(instanceId: Id, filter: AuthorizationFilter): Promise<Authorization[]> {
    const found: Authorization[] = [];
    for (const t of [...this.tokens].sort((a, b) => a.id.localeCompare(b.id))) {
      if (t.instanceId !== instanceId) continue;
      if (filter.userId !== undefined && t.userId !== filter.userId) continue;
      if (filter.orgId !== undefined && t.orgId !== filter.orgId) continue;
      const view = await this.view(t);
      if (view) found.push(view);
    }
    return found;
  }

  async findById(instanceId: Id, authId: Id): Promise<Authorization | null> {
    const token = this.token(instanceId, authId);
    return token ? this.view(token) : null;
  }

  /** NOT_FOUND when the org went away, as the real one checks under a lock. */
  async create(instanceId: Id, auth: NewAuthorization, event: PlannedEvent, at: Date): Promise<Authorization> {
    if (!(await this.orgs.findById(instanceId, auth.orgId))) throw DomainError.notFound('organization not found');
    this.put({ instanceId, ...auth, kind: 'authorization', createdAt: at, updatedAt: at });
    this.write(event);
    return (await this.findById(instanceId, auth.id))!;
  }

  async update(
    instanceId: Id,
    authId: Id,
    changes: AuthorizationChanges,
    event: PlannedEvent,
    at: Date,
    guard?: OwnershipGuard,
  ): Promise<Authorization | null> {
    enforceOwnership(this.orgs, instanceId, guard);
    const token = this.token(instanceId, authId);
    if (!token) return null;
    Object.assign(token, changes, { updatedAt: at });
    this.write(event);
    return this.view(token);
  }

  async resourceOrgs(instanceId: Id, refs: readonly ResourceRef[]): Promise<ResourceOrgs> {
    const found = new Map<string, Id | null>();
    for (const ref of refs) {
      const org = await this.orgOfResource(instanceId, ref);
      if (org !== undefined) found.set(resourceKey(ref), org);
    }
    return found;
  }

  async remove(instanceId: Id, authId: Id, event: PlannedEvent, _at: Date, guard?: OwnershipGuard): Promise<boolean> {
    enforceOwnership(this.orgs, instanceId, guard);
    const token = this.token(instanceId, authId);
    if (!token) return false;
    this.tokens.splice(this.tokens.indexOf(token), 1);
    this.write(event);
    return true;
  }

  /** undefined: no such resource in the instance. */
  private async orgOfResource(instanceId: Id, ref: ResourceRef): Promise<Id | null | undefined> {
    switch (ref.type) {
      case 'buckets':
        return this.orgs.buckets.find((b) => b.instanceId === instanceId && b.id === ref.id)?.orgId;
      case 'authorizations':
        return this.token(instanceId, ref.id)?.orgId;
      case 'orgs':
        return (await this.orgs.findById(instanceId, ref.id))?.id;
      case 'users':
        return (await this.orgs.findUser(instanceId, ref.id)) ? null : undefined;
      default:
        // Labels and other resources are not kept in these fakes: a spec that names one finds it unknown.
        return undefined;
    }
  }

  private token(instanceId: Id, authId: Id): StoredToken | undefined {
    return this.tokens.find((t) => t.instanceId === instanceId && t.id === authId);
  }

  private async view(t: StoredToken): Promise<Authorization | null> {
    const org = t.orgId === null ? null : await this.orgs.findById(t.instanceId, t.orgId);
    const user = await this.orgs.findUser(t.instanceId, t.userId);
    if (!org || !user) return null;
    return {
      id: t.id,
      kind: t.kind,
      status: t.status,
      description: t.description,
      orgId: org.id,
      orgName: org.name,
      userId: user.id,
      userName: user.name,
      permissions: [...t.permissions],
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
  }

  private write(event: PlannedEvent): void {
    this.writes += 1;
    this.events.push(event);
  }
}
