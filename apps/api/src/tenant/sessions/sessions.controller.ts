import { BasicCredentials, SignInCommand, SignOutCommand, TenantCaller } from '@app/domain';
import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';

import { Basic } from '../common/basic-credentials.decorator';
import { Caller } from '../common/caller.decorator';
import { ClientAddress } from '../common/client-address.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { HostInstanceGuard } from './host-instance.guard';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

/** POST /api/v2/signin (Basic credentials -> session cookie) and POST /api/v2/signout. */
@Controller('api/v2')
export class SessionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('signin')
  @HttpCode(204)
  @UseGuards(HostInstanceGuard)
  async signIn(
    @Caller() caller: TenantCaller,
    @Basic() basic: BasicCredentials | null,
    @ClientAddress() from: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    // Rate limiting happens where the password is checked (PasswordAttemptLimiter), for every route that checks one.
    const session = await this.commands.execute(new SignInCommand(caller, basic, from));
    res.setHeader('Set-Cookie', sessionCookie(session.token, req.secure));
  }

  @Post('signout')
  @HttpCode(204)
  @UseGuards(TenantAuthGuard)
  async signOut(
    @Caller() caller: TenantCaller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.commands.execute(new SignOutCommand(caller));
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
  }
}
