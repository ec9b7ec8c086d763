import { invalidRequest, IssueAccessTokenCommand, JWT_BEARER_GRANT_TYPE, TenantCaller } from '@app/domain';
import { Body, Controller, Get, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';

import { Caller } from '../tenant/common/caller.decorator';
import { ClientAddress } from '../tenant/common/client-address.decorator';
import { HostInstanceGuard } from '../tenant/sessions/host-instance.guard';

/**
 * The issuer URL of the instance the request reached, as ZITADEL derives it: the request's scheme and host (port
 * included). `req.protocol` and `req.host` honour X-Forwarded-Proto and X-Forwarded-Host only with TRUST_PROXY.
 */
function issuerOf(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** A form parameter sent once as a string; RFC 6749 section 3.2 forbids repeating one. */
function formParameter(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be sent once, as a string`);
  return value;
}

/**
 * Each instance is an OAuth issuer for its machine users (ZITADEL's JWT profile grant, RFC 7523): the discovery
 * document and the token endpoint, on the instance's own domains. Errors use RFC 6749 bodies (ApiExceptionFilter).
 */
@ApiExcludeController()
@Controller()
@UseGuards(HostInstanceGuard)
export class OAuthController {
  constructor(private readonly commands: CommandBus) {}

  @Get('.well-known/openid-configuration')
  discovery(@Req() req: Request): object {
    const issuer = issuerOf(req);
    return {
      issuer,
      token_endpoint: `${issuer}/oauth/v2/token`,
      grant_types_supported: [JWT_BEARER_GRANT_TYPE],
      // The JWT-bearer grant authenticates with its assertion; no client authentication is taken.
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid'],
      response_types_supported: [],
      subject_types_supported: ['public'],
    };
  }

  @Post('oauth/v2/token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(
    @Caller() caller: TenantCaller,
    @Body() body: unknown,
    @ClientAddress() from: string,
    @Req() req: Request,
  ): Promise<object> {
    if (!req.is('application/x-www-form-urlencoded') || typeof body !== 'object' || body === null) {
      throw invalidRequest('the token request must be application/x-www-form-urlencoded');
    }
    const form = body as Record<string, unknown>;
    const issued = await this.commands.execute(
      new IssueAccessTokenCommand(
        caller.instanceId,
        issuerOf(req),
        formParameter(form, 'grant_type'),
        formParameter(form, 'assertion'),
        formParameter(form, 'scope'),
        from,
      ),
    );
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresInSeconds,
      scope: issued.scope,
    };
  }
}
