import { Command } from '@nestjs/cqrs';

import { type IssuedAccessToken } from '../../oauth/jwt-bearer-grant';
import { type Id } from '../../shared/id';

/** POST /oauth/v2/token on an instance's domain: the JWT-bearer grant (RFC 7523) of a machine key. */
export class IssueAccessTokenCommand extends Command<IssuedAccessToken> {
  constructor(
    /** The instance the request's host names. */
    readonly instanceId: Id,
    /** That instance's issuer URL as the request reached it (scheme and host), which `aud` must name. */
    readonly issuer: string,
    readonly grantType: string | undefined,
    readonly assertion: string | undefined,
    readonly scope: string | undefined,
    /** The client's address, one of the keys the attempt limiter counts by. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
