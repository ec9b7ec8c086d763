import {
  create,
  type DescMessage,
  type JsonObject,
  type MessageInitShape,
  ScalarType,
  toJson,
} from '@bufbuild/protobuf';
import { durationFromMs, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { KeyType } from '@zitadel/proto/zitadel/auth_n_key_pb';
import { FieldName } from '@zitadel/proto/zitadel/instance_pb';
import { TextQueryMethod } from '@zitadel/proto/zitadel/object_pb';
import { Unit } from '@zitadel/proto/zitadel/quota_pb';
import * as system from '@zitadel/proto/zitadel/system_pb';

import { type SystemRoute } from '../../apps/api/src/system/zitadel/system-service';

/** The protojson spellings a grpc-gateway accepts for the same request. */
export type Spelling = 'canonical' | 'enum numbers' | 'int64 numbers' | 'proto field names';
export const SPELLINGS: Spelling[] = ['canonical', 'enum numbers', 'int64 numbers', 'proto field names'];

/** What the requests refer to: an instance made beforehand, and a suffix that keeps names of each round apart. */
export interface RequestContext {
  instanceId: string;
  /** An instance each round may remove. */
  removableId: string;
  suffix: string;
  ownerUserId: string;
}

type Builder = (c: RequestContext) => MessageInitShape<DescMessage>;
const expires = timestampFromDate(new Date('2519-04-01T08:45:00Z'));

/** One valid request per SystemService method we serve, built with protobuf-es from ZITADEL's schemas. */
export const REQUESTS: Record<string, [DescMessage, Builder]> = {
  Healthz: [system.HealthzRequestSchema, () => ({})],
  CreateInstance: [
    system.CreateInstanceRequestSchema,
    (c) => ({
      instanceName: `Strict ${c.suffix}`,
      firstOrgName: `Org ${c.suffix}`,
      customDomain: `strict-${c.suffix}.example.com`,
      defaultLanguage: 'en',
      owner: {
        case: 'machine',
        value: {
          userName: `robot-${c.suffix}`,
          name: 'Robot',
          personalAccessToken: { expirationDate: expires },
          machineKey: { type: KeyType.JSON, expirationDate: expires },
        },
      },
    }),
  ],
  AddInstance: [
    system.AddInstanceRequestSchema,
    (c) => ({
      instanceName: `Added ${c.suffix}`,
      ownerUserName: `owner-${c.suffix}`,
      ownerEmail: { email: `owner-${c.suffix}@example.com`, isEmailVerified: true },
      ownerProfile: { firstName: 'Olga', lastName: 'Owner', preferredLanguage: 'en' },
      ownerPassword: { password: `Pw-${c.suffix}-s3cret!`, passwordChangeRequired: false },
    }),
  ],
  ListInstances: [
    system.ListInstancesRequestSchema,
    (c) => ({
      query: { offset: 0n, limit: 10, asc: true },
      sortingColumn: FieldName.NAME,
      queries: [{ query: { case: 'idQuery', value: { ids: [c.instanceId] } } }],
    }),
  ],
  GetInstance: [system.GetInstanceRequestSchema, (c) => ({ instanceId: c.instanceId })],
  UpdateInstance: [
    system.UpdateInstanceRequestSchema,
    (c) => ({ instanceId: c.instanceId, instanceName: `Renamed ${c.suffix}` }),
  ],
  ListIAMMembers: [
    system.ListIAMMembersRequestSchema,
    (c) => ({
      instanceId: c.instanceId,
      query: { offset: 0n, limit: 50, asc: true },
      queries: [{ query: { case: 'userIdQuery', value: { userId: c.ownerUserId } } }],
    }),
  ],
  ExistsDomain: [system.ExistsDomainRequestSchema, (c) => ({ domain: `extra-${c.suffix}.example.com` })],
  AddDomain: [
    system.AddDomainRequestSchema,
    (c) => ({ instanceId: c.instanceId, domain: `extra-${c.suffix}.example.com` }),
  ],
  ListDomains: [
    system.ListDomainsRequestSchema,
    (c) => ({
      instanceId: c.instanceId,
      query: { offset: 0n, limit: 10 },
      queries: [
        { query: { case: 'domainQuery', value: { domain: `extra-${c.suffix}`, method: TextQueryMethod.STARTS_WITH } } },
      ],
    }),
  ],
  SetPrimaryDomain: [
    system.SetPrimaryDomainRequestSchema,
    (c) => ({ instanceId: c.instanceId, domain: `extra-${c.suffix}.example.com` }),
  ],
  RemoveDomain: [
    system.RemoveDomainRequestSchema,
    (c) => ({ instanceId: c.instanceId, domain: `extra-${c.suffix}.example.com` }),
  ],
  SetLimits: [system.SetLimitsRequestSchema, (c) => ({ instanceId: c.instanceId, block: false })],
  ResetLimits: [system.ResetLimitsRequestSchema, (c) => ({ instanceId: c.instanceId })],
  BulkSetLimits: [
    system.BulkSetLimitsRequestSchema,
    (c) => ({
      limits: [
        { instanceId: c.instanceId, block: false },
        { instanceId: c.removableId, block: false },
      ],
    }),
  ],
  // Added, replaced and removed again in each round, so every spelling starts without a quota.
  AddQuota: [
    system.AddQuotaRequestSchema,
    (c) => ({
      instanceId: c.instanceId,
      unit: Unit.REQUESTS_ALL_AUTHENTICATED,
      from: timestampFromDate(new Date('2026-01-01T00:00:00Z')),
      resetInterval: durationFromMs(3_600_000),
      amount: 1_000_000n,
      limit: false,
    }),
  ],
  SetQuota: [
    system.SetQuotaRequestSchema,
    (c) => ({
      instanceId: c.instanceId,
      unit: Unit.REQUESTS_ALL_AUTHENTICATED,
      from: timestampFromDate(new Date('2026-01-01T00:00:00Z')),
      resetInterval: durationFromMs(7_200_000),
      amount: 2_000_000n,
      limit: true,
    }),
  ],
  RemoveQuota: [
    system.RemoveQuotaRequestSchema,
    (c) => ({ instanceId: c.instanceId, unit: Unit.REQUESTS_ALL_AUTHENTICATED }),
  ],
  RemoveInstance: [system.RemoveInstanceRequestSchema, (c) => ({ instanceId: c.removableId })],
};

const INT64 = new Set([
  ScalarType.INT64,
  ScalarType.UINT64,
  ScalarType.SINT64,
  ScalarType.FIXED64,
  ScalarType.SFIXED64,
]);

/** protojson allows 64-bit integers as JSON numbers too: turn the strings toJson() writes back into numbers. */
function int64AsNumbers(desc: DescMessage, json: JsonObject): JsonObject {
  for (const field of desc.fields) {
    const value = json[field.jsonName];
    if (value === undefined || value === null) continue;
    if (field.fieldKind === 'scalar' && INT64.has(field.scalar)) json[field.jsonName] = Number(value);
    else if (field.fieldKind === 'message' && !field.message.typeName.startsWith('google.protobuf.'))
      int64AsNumbers(field.message, value as JsonObject);
    else if (field.fieldKind === 'list' && field.listKind === 'message')
      for (const item of value as JsonObject[]) int64AsNumbers(field.message, item);
  }
  return json;
}

/** The request as JSON in one spelling, and the path with its `{param}`s filled from the message. */
export function requestFor(
  route: SystemRoute,
  context: RequestContext,
  spelling: Spelling,
): { path: string; body?: JsonObject } {
  const [schema, build] = REQUESTS[route.method.name];
  const message = create(schema, build(context));
  const json = toJson(schema, message, {
    enumAsInteger: spelling === 'enum numbers',
    useProtoFieldName: spelling === 'proto field names',
  }) as JsonObject;
  const canonical = toJson(schema, message) as JsonObject;
  const path = route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const field = schema.fields.find((f) => f.name === name)!;
    return encodeURIComponent(String(canonical[field.jsonName]));
  });
  if (!route.body) return { path };
  return { path, body: spelling === 'int64 numbers' ? int64AsNumbers(schema, json) : json };
}
