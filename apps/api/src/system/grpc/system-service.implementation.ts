import {
  Clock,
  CreateInstanceCommand,
  DomainError,
  GetOperationQuery,
  IdempotencyStore,
  RemoveInstanceCommand,
} from '@app/domain';
import { AppConfig } from '@app/infrastructure';
import { DescMessage, JsonValue, MessageShape, toJson } from '@bufbuild/protobuf';
import type { HandlerContext, ServiceImpl } from '@connectrpc/connect';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';

import { runIdempotently } from '../common/idempotent-call';
import { DomainRequest, DomainsController, SearchDomainsRequest } from '../domains/domains.controller';
import { AddInstanceRequest, createInstanceInputFrom } from '../instances/dto/add-instance.request';
import { CreateInstanceRequest } from '../instances/dto/create-instance.request';
import { createInstanceResponse } from '../instances/dto/create-instance.response';
import { RenameInstanceRequest, SearchInstancesRequest } from '../instances/dto/search-instances.request';
import { InstancesController } from '../instances/instances.controller';
import { LimitsController, LimitsRequest } from '../limits/limits.controller';
import { ListMembersRequest } from '../members/dto/list-members.request';
import { MembersController } from '../members/members.controller';
import { detailsJson } from '../protojson';
import { BulkLimitsController } from '../quotas/bulk-limits.controller';
import { BulkSetLimitsRequest, QuotaRequest } from '../quotas/dto/quota.request';
import { QuotasController } from '../quotas/quotas.controller';
import { answer, callerOf, finishedOperation, idempotencyKeyOf, validated, waitMsOf } from './grpc-calls';
import { systemProto as pb } from './system-proto';

type SystemServiceImpl = Partial<ServiceImpl<typeof pb.SystemService>>;

function required(value: string, field: string): string {
  if (!value) throw DomainError.invalidField(field, 'must not be empty');
  return value;
}

/**
 * zitadel.system.v1.SystemService for gRPC, gRPC-Web and Connect, on the REST surface's implementation: each request
 * becomes the protojson the REST controller takes (same DTO validation), each REST answer the response message.
 * Methods missing here answer UNIMPLEMENTED (Connect's default).
 */
@Injectable()
export class SystemServiceImplementation implements OnModuleInit {
  private instances!: InstancesController;
  private domains!: DomainsController;
  private limits!: LimitsController;
  private members!: MembersController;
  private bulkLimits!: BulkLimitsController;
  private quotas!: QuotasController;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
    private readonly idempotency: IdempotencyStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.instances = this.moduleRef.get(InstancesController, { strict: false });
    this.domains = this.moduleRef.get(DomainsController, { strict: false });
    this.limits = this.moduleRef.get(LimitsController, { strict: false });
    this.members = this.moduleRef.get(MembersController, { strict: false });
    this.bulkLimits = this.moduleRef.get(BulkLimitsController, { strict: false });
    this.quotas = this.moduleRef.get(QuotasController, { strict: false });
  }

  methods(): SystemServiceImpl {
    return {
      healthz: async () => answer(pb.HealthzResponseSchema, {}),
      listInstances: async (req) => {
        const body = await validated(SearchInstancesRequest, toJson(pb.ListInstancesRequestSchema, req));
        return answer(pb.ListInstancesResponseSchema, await this.instances.search(body));
      },
      getInstance: async (req) =>
        answer(pb.GetInstanceResponseSchema, await this.instances.get(required(req.instanceId, 'instanceId'))),
      updateInstance: (req, ctx) =>
        this.mutate(ctx, pb.UpdateInstanceRequestSchema, req, pb.UpdateInstanceResponseSchema, async (json) =>
          this.instances.rename(required(req.instanceId, 'instanceId'), await validated(RenameInstanceRequest, json)),
        ),
      createInstance: async (req, ctx) => {
        const view = await this.longRunning(
          ctx,
          pb.CreateInstanceRequestSchema,
          req,
          async (json, caller) => new CreateInstanceCommand(await validated(CreateInstanceRequest, json), caller),
        );
        return answer(pb.CreateInstanceResponseSchema, finishedOperation(view, ctx, createInstanceResponse));
      },
      addInstance: async (req, ctx) => {
        const view = await this.longRunning(
          ctx,
          pb.AddInstanceRequestSchema,
          req,
          async (json, caller) =>
            new CreateInstanceCommand(createInstanceInputFrom(await validated(AddInstanceRequest, json)), caller),
        );
        const { instanceId, details } = finishedOperation(view, ctx, createInstanceResponse);
        return answer(pb.AddInstanceResponseSchema, { instanceId, details });
      },
      removeInstance: async (req, ctx) => {
        const instanceId = required(req.instanceId, 'instanceId');
        const view = await this.longRunning(
          ctx,
          pb.RemoveInstanceRequestSchema,
          req,
          async (_json, caller) => new RemoveInstanceCommand(instanceId, caller),
        );
        return answer(
          pb.RemoveInstanceResponseSchema,
          finishedOperation(view, ctx, (done) => ({ details: detailsJson(done.operation.outcome!.details) })),
        );
      },
      listDomains: async (req) => {
        const body = await validated(SearchDomainsRequest, toJson(pb.ListDomainsRequestSchema, req));
        return answer(
          pb.ListDomainsResponseSchema,
          await this.domains.search(required(req.instanceId, 'instanceId'), body),
        );
      },
      addDomain: (req, ctx) =>
        this.mutate(ctx, pb.AddDomainRequestSchema, req, pb.AddDomainResponseSchema, async (json) =>
          this.domains.add(required(req.instanceId, 'instanceId'), await validated(DomainRequest, json)),
        ),
      removeDomain: (req, ctx) =>
        this.mutate(ctx, pb.RemoveDomainRequestSchema, req, pb.RemoveDomainResponseSchema, async () =>
          this.domains.remove(required(req.instanceId, 'instanceId'), required(req.domain, 'domain')),
        ),
      setPrimaryDomain: (req, ctx) =>
        this.mutate(ctx, pb.SetPrimaryDomainRequestSchema, req, pb.SetPrimaryDomainResponseSchema, async (json) =>
          this.domains.setPrimary(required(req.instanceId, 'instanceId'), await validated(DomainRequest, json)),
        ),
      existsDomain: async (req) =>
        answer(pb.ExistsDomainResponseSchema, await this.domains.exists(required(req.domain, 'domain'))),
      setLimits: (req, ctx) =>
        this.mutate(ctx, pb.SetLimitsRequestSchema, req, pb.SetLimitsResponseSchema, async (json) =>
          this.limits.set(required(req.instanceId, 'instanceId'), await validated(LimitsRequest, json)),
        ),
      resetLimits: (req, ctx) =>
        this.mutate(ctx, pb.ResetLimitsRequestSchema, req, pb.ResetLimitsResponseSchema, async () =>
          this.limits.reset(required(req.instanceId, 'instanceId')),
        ),
      bulkSetLimits: (req, ctx) =>
        this.mutate(ctx, pb.BulkSetLimitsRequestSchema, req, pb.BulkSetLimitsResponseSchema, async (json) =>
          this.bulkLimits.bulkSet(await validated(BulkSetLimitsRequest, json)),
        ),
      listIAMMembers: async (req) => {
        const body = await validated(ListMembersRequest, toJson(pb.ListIAMMembersRequestSchema, req));
        return answer(
          pb.ListIAMMembersResponseSchema,
          await this.members.search(required(req.instanceId, 'instanceId'), body),
        );
      },
      addQuota: (req, ctx) =>
        this.mutate(ctx, pb.AddQuotaRequestSchema, req, pb.AddQuotaResponseSchema, async (json) =>
          this.quotas.add(required(req.instanceId, 'instanceId'), await validated(QuotaRequest, json)),
        ),
      setQuota: (req, ctx) =>
        this.mutate(ctx, pb.SetQuotaRequestSchema, req, pb.SetQuotaResponseSchema, async (json) =>
          this.quotas.set(required(req.instanceId, 'instanceId'), await validated(QuotaRequest, json)),
        ),
      removeQuota: (req, ctx) =>
        this.mutate(ctx, pb.RemoveQuotaRequestSchema, req, pb.RemoveQuotaResponseSchema, async (json) =>
          this.quotas.remove(required(req.instanceId, 'instanceId'), String((json as { unit?: string }).unit ?? '')),
        ),
    };
  }

  /** A change, with `Idempotency-Key` (request header or metadata) as on REST. */
  private async mutate<Req extends DescMessage, Res extends DescMessage>(
    ctx: HandlerContext,
    requestSchema: Req,
    request: MessageShape<Req>,
    responseSchema: Res,
    run: (json: JsonValue) => Promise<unknown>,
  ): Promise<MessageShape<Res>> {
    const json = toJson(requestSchema, request);
    return answer(responseSchema, await this.once(ctx, json, () => run(json)));
  }

  /** Starts an operation (once per Idempotency-Key: a repeated call waits for the same operation) and waits for it. */
  private async longRunning<Req extends DescMessage>(
    ctx: HandlerContext,
    requestSchema: Req,
    request: MessageShape<Req>,
    command: (json: JsonValue, caller: string) => Promise<CreateInstanceCommand | RemoveInstanceCommand>,
  ) {
    const caller = callerOf(ctx);
    const json = toJson(requestSchema, request);
    const started = (await this.once(ctx, json, async () => {
      const { operationId } = await this.commands.execute(await command(json, caller));
      return { operationId };
    })) as { operationId: string };
    return this.queries.execute(
      new GetOperationQuery(started.operationId, caller, waitMsOf(ctx, this.config.syncWaitSeconds)),
    );
  }

  private async once(ctx: HandlerContext, json: JsonValue, run: () => Promise<unknown>): Promise<unknown> {
    const key = idempotencyKeyOf(ctx);
    if (!key) return run();
    const call = { callerId: callerOf(ctx), key, request: ['grpc', ctx.method.name, json] };
    const outcome = await runIdempotently(this.idempotency, this.clock, call, async () => {
      const body = await run();
      return { result: body, answer: { status: 200, headers: {}, body } };
    });
    if (outcome.kind === 'fresh') return outcome.result;
    ctx.responseHeader.set('idempotent-replayed', 'true');
    return outcome.answer.body ?? outcome.answer.redactedBody;
  }
}
