import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetOperationQuery, isId, DomainError } from '@app/domain';
import { SystemAuthGuard } from '../auth/system-auth.guard';
import { SystemCaller } from '../auth/system-caller.decorator';
import { operationResponse, OperationResponse } from './dto/operation.response';

@Controller('system/v1/operations')
@UseGuards(SystemAuthGuard)
export class OperationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':operationId')
  async get(@Param('operationId') operationId: string, @SystemCaller() caller: string): Promise<OperationResponse> {
    if (!isId(operationId)) throw DomainError.notFound(`operation ${operationId} not found`);
    return operationResponse(await this.queries.execute(new GetOperationQuery(operationId, caller)));
  }
}
