import { type Permission } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { anonymousCaller, type TenantCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf, tokenCaller } from '../../testing/callers';
import { InMemoryLabelRepository } from '../../testing/in-memory-labels';
import { ListLabelsHandler } from './list-labels.handler';
import { ListLabelsQuery } from './list-labels.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const GLOBEX = '00000000000000c2';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;

describe(ListLabelsHandler.name, () => {
  const labels = new InMemoryLabelRepository();
  const put = (id: string, orgId: string, name: string) => labels.put(INSTANCE, { id, orgId, name, properties: {} });
  const prod = put('00000000000000e1', ACME, 'prod');
  const beta = put('00000000000000e2', GLOBEX, 'Beta');
  const dev = put('00000000000000e3', ACME, 'dev');
  labels.put('00000000000000bb', { id: '00000000000000e9', orgId: ACME, name: 'elsewhere', properties: {} });
  const handler = new ListLabelsHandler(labels);
  const list = async (caller: TenantCaller, filter: ListLabelsQuery['filter'] = {}) =>
    (await handler.execute(new ListLabelsQuery(caller, filter))).map((l) => l.id);

  it('lists every label of the instance by name to an operator', async () => {
    expect(await list(operatorOf(INSTANCE, ADA))).toEqual([beta.id, dev.id, prod.id]);
  });

  it('lists only the labels of the orgs whose labels the caller may read', async () => {
    expect(await list(orgMemberOf(INSTANCE, ACME, ADA))).toEqual([dev.id, prod.id]);
  });

  it('does not count a permission that names one label as one on all labels of its org', async () => {
    const one: Permission[] = [{ action: 'read', resource: { type: 'labels', id: prod.id, orgID: ACME } }];
    expect(await list(tokenCaller(INSTANCE, ADA, one))).toEqual([]);
  });

  it('filters by org and by name, and finds nothing for a malformed org id', async () => {
    const operator = operatorOf(INSTANCE, ADA);
    expect(await list(operator, { orgID: GLOBEX })).toEqual([beta.id]);
    expect(await list(operator, { name: 'prod' })).toEqual([prod.id]);
    expect(await list(operator, { orgID: 'acme' })).toEqual([]);
    expect(await list(orgMemberOf(INSTANCE, ACME, ADA), { orgID: GLOBEX })).toEqual([]);
  });

  it('refuses anonymous callers with 401', async () => {
    await expect(list(anonymousCaller(INSTANCE))).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
  });
});
