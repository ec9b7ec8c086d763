import { Query } from '@nestjs/cqrs';

import { type TenantCaller } from '../../tenancy/tenant-caller';

export interface PresentedCredential {
  /** `header`: Authorization Token/Bearer; `cookie`: the session cookie. */
  readonly via: 'header' | 'cookie';
  readonly value: string;
}

export class ResolveTenantCallerQuery extends Query<TenantCaller> {
  constructor(
    /** Host header (or X-Forwarded-Host behind a trusted proxy), port included or not. */
    readonly host: string | undefined,
    readonly credential: PresentedCredential | null,
  ) {
    super();
  }
}
