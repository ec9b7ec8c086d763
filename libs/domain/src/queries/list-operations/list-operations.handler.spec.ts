import { ErrorCode } from '../../errors';
import { OperationKind, OperationState } from '../../operations/operation';
import { InMemoryOperationRepository, operationRow } from '../../testing/in-memory-ports';
import { ListOperationsHandler } from './list-operations.handler';
import { ListOperationsQuery } from './list-operations.query';

const INSTANCE = '00000000000000aa';
const minute = (m: number) => new Date(Date.UTC(2025, 0, 15, 12, m));

describe(ListOperationsHandler.name, () => {
  const operations = new InMemoryOperationRepository();
  // o1..o5 newest last; o3 and o4 were created in the same millisecond, so the id breaks the tie
  const ids = ['00000000000000e1', '00000000000000e2', '00000000000000e3', '00000000000000e4', '00000000000000e5'];
  const at = [minute(1), minute(2), minute(3), minute(3), minute(4)];
  ids.forEach((id, i) =>
    operations.put(
      operationRow({
        id,
        createdAt: at[i],
        instanceId: i === 0 ? '00000000000000bb' : INSTANCE,
        state: i === 4 ? OperationState.Running : OperationState.Succeeded,
        kind: i === 1 ? OperationKind.RemoveInstance : OperationKind.CreateInstance,
      }),
    ),
  );
  const handler = new ListOperationsHandler(operations);
  const list = (filter: Partial<ListOperationsQuery['filter']> = {}) =>
    handler.execute(new ListOperationsQuery({ pageSize: 10, ...filter }));
  const idsOf = (page: { operations: { id: string }[] }) => page.operations.map((o) => o.id);

  it('lists newest first, and pages with a token until the last page, which has none', async () => {
    const first = await list({ pageSize: 2 });
    expect(idsOf(first)).toEqual([ids[4], ids[3]]);
    const second = await list({ pageSize: 2, pageToken: first.nextPageToken });
    expect(idsOf(second)).toEqual([ids[2], ids[1]]);
    const third = await list({ pageSize: 2, pageToken: second.nextPageToken });
    expect(third).toEqual({ operations: [expect.objectContaining({ id: ids[0] })] });
  });

  it('has no next page when the page holds exactly what is left', async () => {
    expect(await list({ pageSize: 5 })).not.toHaveProperty('nextPageToken');
  });

  it('filters by instance, kind and state', async () => {
    expect(idsOf(await list({ instanceId: '00000000000000bb' }))).toEqual([ids[0]]);
    expect(idsOf(await list({ kind: OperationKind.RemoveInstance }))).toEqual([ids[1]]);
    expect(idsOf(await list({ state: OperationState.Running, instanceId: INSTANCE }))).toEqual([ids[4]]);
  });

  it('finds nothing for a malformed instance id', async () => {
    expect(await list({ instanceId: 'acme' })).toEqual({ operations: [] });
  });

  it.each([
    ['not base64 of a position', 'garbage'],
    ['a position with a bad id', Buffer.from(`${minute(3).toISOString()}|nope`).toString('base64url')],
    ['a position with a bad time', Buffer.from(`yesterday|${ids[2]}`).toString('base64url')],
  ])('refuses a page token that is %s with 400', async (_, pageToken) => {
    await expect(list({ pageToken })).rejects.toMatchObject({ code: ErrorCode.InvalidArgument });
  });
});
