import { type Id } from '../shared/id';

export type OrgRole = 'owner' | 'member';

/** An organization of an instance, as the tenant API shows it. */
export interface Org {
  readonly id: Id;
  readonly name: string;
  readonly description: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A user with its role in one org (InfluxDB keeps one role per user and org). */
export interface OrgMember {
  readonly id: Id;
  readonly name: string;
  readonly status: 'active' | 'inactive';
  readonly role: OrgRole;
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly descending: boolean;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
/** Deepest offset a list may skip to: far beyond any real list, and safe for PostgreSQL's OFFSET (bigint). */
export const MAX_PAGE_OFFSET = 1_000_000;
