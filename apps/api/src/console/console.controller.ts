import { QueueStatistics } from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';

import { SystemAuthGuard } from '../system/auth/system-auth.guard';
import { CONSOLE_COOKIE, ConsoleSessions, CSRF_HEADER } from './console-sessions';

export class SignInRequest {
  /** A SYSTEM_API_TOKENS token or a system user's JWT; checked, never stored. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(16384)
  token: string;
}

const RECENT_FAILURES = 20;

/** A name for the caller that the page may show: a system user's id, or the start of a token's digest. */
const callerLabel = (id: string) => (id.startsWith('user:') ? id.slice(5) : `token ${id.slice(0, 8)}`);
const cookieOf = (req: Request) => (req.cookies as Record<string, string> | undefined)?.[CONSOLE_COOKIE];

/**
 * The console's own routes: its session (sign-in, CSRF token, sign-out) and the queue dashboard. They serve the page,
 * not API clients, so /openapi.json leaves them out.
 */
@ApiExcludeController()
@Controller('console/api')
export class ConsoleController {
  constructor(
    @Inject(ConsoleSessions) private readonly sessions: ConsoleSessions,
    private readonly statistics: QueueStatistics,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(200)
  async signIn(@Body() body: SignInRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { sessionId, session } = await this.sessions.signIn(body.token);
    res.cookie(CONSOLE_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/console',
      secure: req.secure,
      maxAge: this.config.consoleSessionTtlSeconds * 1000,
    });
    return { caller: callerLabel(session.callerId), role: session.role, csrfToken: session.csrfToken };
  }

  /** Who is signed in, and the CSRF token the page sends as X-CSRF-Token on every change. */
  @Get('session')
  async session(@Req() req: Request) {
    const caller = await this.sessions.authenticate(cookieOf(req), 'GET', undefined);
    return { caller: callerLabel(caller.id), role: caller.role, csrfToken: caller.csrfToken };
  }

  @Delete('session')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.authenticate(cookieOf(req), 'DELETE', req.header(CSRF_HEADER));
    await this.sessions.signOut(cookieOf(req));
    res.clearCookie(CONSOLE_COOKIE, { path: '/console', httpOnly: true, sameSite: 'strict', secure: req.secure });
  }

  /** Jobs per queue and state, recent failures, and job and step durations summed over every worker. */
  @Get('queues')
  @UseGuards(SystemAuthGuard)
  async queues() {
    const [queues, failures, durations] = await Promise.all([
      this.statistics.counts(),
      this.statistics.recentFailures(RECENT_FAILURES),
      this.statistics.durations(),
    ]);
    return { capturedAt: new Date().toISOString(), queues, failures, durations };
  }
}
