import {
  GetSetupOperationQuery,
  GetSetupStatusQuery,
  OnboardingMode,
  SetupInstanceCommand,
  TenantCaller,
  TokenGenerator,
} from '@app/domain';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';

import { LongRunningReply } from '../../common/long-running/long-running-reply';
import { Caller } from '../common/caller.decorator';
import { TenantAuthGuard } from '../common/tenant-auth.guard';
import { OnboardingRequest } from './dto/onboarding.request';
import { onboardingResponse } from './dto/onboarding.response';
import { SetupOperationResponse, setupOperationResponse } from './dto/setup-operation.response';

const OPERATIONS_PATH = '/api/v2/setup/operations';
/** Whoever started an onboarding reads its token back by presenting this claim (returned with the 202). */
const CLAIM_HEADER = 'X-Operation-Claim';

@Controller('api/v2/setup')
@UseGuards(TenantAuthGuard)
export class SetupController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly tokens: TokenGenerator,
    private readonly longRunning: LongRunningReply,
  ) {}

  @Get()
  async status(@Caller() caller: TenantCaller): Promise<{ allowed: boolean }> {
    return { allowed: await this.queries.execute(new GetSetupStatusQuery(caller.instanceId)) };
  }

  @Post()
  @HttpCode(201)
  setup(
    @Caller() caller: TenantCaller,
    @Body() body: OnboardingRequest,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.onboard('initial', caller, body, prefer, res);
  }

  @Post('user')
  @HttpCode(201)
  setupUser(
    @Caller() caller: TenantCaller,
    @Body() body: OnboardingRequest,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.onboard('additional', caller, body, prefer, res);
  }

  @Get('operations/:operationId')
  async operation(
    @Caller() caller: TenantCaller,
    @Param('operationId') operationId: string,
    @Headers(CLAIM_HEADER) claim: string | undefined,
  ): Promise<SetupOperationResponse> {
    const view = await this.queries.execute(
      new GetSetupOperationQuery(caller, operationId, claim ? this.tokens.digest(claim) : null),
    );
    return setupOperationResponse(view);
  }

  private async onboard(
    mode: OnboardingMode,
    caller: TenantCaller,
    body: OnboardingRequest,
    prefer: string | undefined,
    res: Response,
  ) {
    const claim = this.tokens.generate();
    const { operationId } = await this.commands.execute(new SetupInstanceCommand(caller, body, mode, claim.digest));
    return this.longRunning.answer(
      { operationId, reader: claim.digest, prefer, res },
      (done) => onboardingResponse(done.operation.onboarding!, done.secrets?.token),
      {
        location: OPERATIONS_PATH,
        // Only the 202 carries the claim: a finished setup answers its token at once.
        body: (pending) => {
          res.setHeader(CLAIM_HEADER, claim.plaintext);
          return setupOperationResponse(pending);
        },
      },
    );
  }
}
