import { ErrorCode } from '../../errors';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { operatorOf, orgMemberOf } from '../../testing/callers';
import { InMemoryLabelRepository } from '../../testing/in-memory-labels';
import { GetLabelHandler } from './get-label.handler';
import { GetLabelQuery } from './get-label.query';

const INSTANCE = '00000000000000aa';
const ACME = '00000000000000c1';
const ADA = { id: '00000000000000a1', name: 'ada', status: 'active' } as const;
const LABEL = { id: '00000000000000e1', orgId: ACME, name: 'prod', properties: { color: 'red' } };

describe(GetLabelHandler.name, () => {
  const labels = new InMemoryLabelRepository();
  labels.put(INSTANCE, LABEL);
  const handler = new GetLabelHandler(labels);

  it("shows a label to whoever may read its org's labels, and to nobody else", async () => {
    expect(await handler.execute(new GetLabelQuery(orgMemberOf(INSTANCE, ACME, ADA), LABEL.id))).toEqual(LABEL);
    await expect(
      handler.execute(new GetLabelQuery(orgMemberOf(INSTANCE, '00000000000000c2', ADA), LABEL.id)),
    ).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      message: `read:orgs/${ACME}/labels/${LABEL.id} is unauthorized`,
    });
  });

  it('refuses anonymous callers with 401 before looking anything up, so that they cannot tell which ids exist', async () => {
    for (const id of [LABEL.id, '00000000000000ff']) {
      await expect(handler.execute(new GetLabelQuery(anonymousCaller(INSTANCE), id))).rejects.toMatchObject({
        code: ErrorCode.Unauthenticated,
        message: 'unauthorized access',
      });
    }
  });

  it('answers 404 for unknown, malformed and other instances’ ids', async () => {
    for (const [caller, id] of [
      [operatorOf(INSTANCE, ADA), '00000000000000ff'],
      [operatorOf(INSTANCE, ADA), 'prod'],
      [operatorOf('00000000000000bb', ADA), LABEL.id],
    ] as const) {
      await expect(handler.execute(new GetLabelQuery(caller, id))).rejects.toMatchObject({
        code: ErrorCode.NotFound,
        message: 'label not found',
      });
    }
  });
});
