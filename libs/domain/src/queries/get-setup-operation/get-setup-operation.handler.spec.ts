import { operatorPermissions } from '../../authorization/permission';
import { ErrorCode } from '../../errors';
import { OperationKind } from '../../operations/operation';
import { anonymousCaller } from '../../tenancy/tenant-caller';
import { tokenCaller } from '../../testing/callers';
import { FakeSecretSealer, FixedClock, InMemoryOperationRepository, operationRow } from '../../testing/in-memory-ports';
import { GetSetupOperationHandler } from './get-setup-operation.handler';
import { GetSetupOperationQuery } from './get-setup-operation.query';

const INSTANCE = '00000000000000aa';
const OP = '00000000000000e1';
const CLAIM = 'digest-of-claim';
const SECRETS = { token: 'operator-token' };
const ROOT = { id: '00000000000000a9', name: 'root', status: 'active' } as const;

describe(GetSetupOperationHandler.name, () => {
  let clock: FixedClock;
  let operations: InMemoryOperationRepository;
  let handler: GetSetupOperationHandler;
  const operator = tokenCaller(INSTANCE, ROOT, operatorPermissions());
  const get = (caller = anonymousCaller(INSTANCE), claim: string | null = CLAIM, id = OP) =>
    handler.execute(new GetSetupOperationQuery(caller, id, claim));

  beforeEach(() => {
    clock = new FixedClock();
    const sealer = new FakeSecretSealer();
    operations = new InMemoryOperationRepository();
    operations.put(
      operationRow({
        id: OP,
        instanceId: INSTANCE,
        kind: OperationKind.SetupUser,
        createdBy: CLAIM,
        requestedBy: `token:${operator.tokenId}`,
        sealedSecrets: sealer.seal(JSON.stringify(SECRETS)),
        secretsExpireAt: new Date(clock.now().getTime() + 60_000),
      }),
    );
    handler = new GetSetupOperationHandler(operations, sealer, clock);
  });

  it('shows the operation and its token to whoever holds the claim', async () => {
    expect(await get()).toEqual({ operation: expect.objectContaining({ id: OP }), secrets: SECRETS });
  });

  it('shows the operation without its token to the token that started it, and no token once expired', async () => {
    expect((await get(operator, null)).secrets).toBeNull();
    clock.advanceSeconds(60);
    expect(await get()).toEqual({ operation: expect.objectContaining({ id: OP }), secrets: null });
  });

  it("answers 404 to everyone else, even the instance's other operators, and for other instances or kinds", async () => {
    const otherOperator = { ...operator, tokenId: '00000000000000f2' };
    for (const [caller, claim] of [
      [anonymousCaller(INSTANCE), 'digest-of-another-claim'],
      [anonymousCaller(INSTANCE), null],
      [otherOperator, null],
      [anonymousCaller('00000000000000bb'), CLAIM],
    ] as const) {
      await expect(get(caller, claim)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    }
    operations.update(OP, { kind: OperationKind.CreateInstance });
    await expect(get()).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('answers 404 for unknown and malformed ids', async () => {
    await expect(get(anonymousCaller(INSTANCE), CLAIM, '00000000000000ff')).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
    await expect(get(anonymousCaller(INSTANCE), CLAIM, 'op')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
