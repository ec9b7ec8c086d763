import { DomainError, ErrorCode } from '../../errors';
import { OperationState } from '../../operations/operation';
import { FakeSecretSealer, FixedClock, InMemoryOperationRepository, operationRow } from '../../testing/in-memory-ports';
import { GetOperationHandler } from './get-operation.handler';
import { GetOperationQuery } from './get-operation.query';

const CREATOR = 'digest-of-creator';
const SECRETS = { pat: 'pat-plaintext', machineKey: 'eyJ0eXBlIjoic2VydmljZWFjY291bnQifQ==' };

describe(GetOperationHandler.name, () => {
  let clock: FixedClock;
  let sealer: FakeSecretSealer;
  let operations: InMemoryOperationRepository;
  let handler: GetOperationHandler;

  beforeEach(() => {
    clock = new FixedClock(new Date('2025-01-15T12:00:00.000Z'));
    sealer = new FakeSecretSealer();
    operations = new InMemoryOperationRepository();
    handler = new GetOperationHandler(operations, sealer, clock);
    operations.put(
      operationRow({
        id: '00000000000000a1',
        createdBy: CREATOR,
        sealedSecrets: sealer.seal(JSON.stringify(SECRETS)),
        secretsExpireAt: new Date('2025-01-15T13:00:00.000Z'),
      }),
    );
  });

  it('returns the operation with its secrets to the caller that created it', async () => {
    const view = await handler.execute(new GetOperationQuery('00000000000000a1', CREATOR));

    expect(view.operation.id).toBe('00000000000000a1');
    expect(view.operation.state).toBe(OperationState.Succeeded);
    expect(view.secrets).toEqual(SECRETS);
  });

  it('returns the operation without secrets to any other caller', async () => {
    const view = await handler.execute(new GetOperationQuery('00000000000000a1', 'digest-of-someone-else'));

    expect(view.operation.id).toBe('00000000000000a1');
    expect(view.secrets).toBeNull();
  });

  it('returns no secrets once they have expired, even to the creator', async () => {
    clock.advanceSeconds(3600);

    expect((await handler.execute(new GetOperationQuery('00000000000000a1', CREATOR))).secrets).toBeNull();
  });

  it('still returns the secrets one second before they expire', async () => {
    clock.advanceSeconds(3599);

    expect((await handler.execute(new GetOperationQuery('00000000000000a1', CREATOR))).secrets).toEqual(SECRETS);
  });

  it('returns no secrets when none are stored (erased or never made)', async () => {
    operations.put(operationRow({ id: '00000000000000a2', createdBy: CREATOR, sealedSecrets: null }));

    expect((await handler.execute(new GetOperationQuery('00000000000000a2', CREATOR))).secrets).toBeNull();
  });

  it('answers NOT_FOUND for an unknown operation', async () => {
    const result = handler.execute(new GetOperationQuery('00000000000000ff', CREATOR));

    await expect(result).rejects.toBeInstanceOf(DomainError);
    await expect(result).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'operation 00000000000000ff not found',
    });
  });

  it('waits for the operation when asked to', async () => {
    const wait = jest.spyOn(operations, 'waitUntilFinished');
    const find = jest.spyOn(operations, 'findById');

    await handler.execute(new GetOperationQuery('00000000000000a1', CREATOR, 5000));

    expect(wait).toHaveBeenCalledWith('00000000000000a1', 5000);
    expect(find).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND when the wait finds no operation', async () => {
    await expect(handler.execute(new GetOperationQuery('00000000000000ff', CREATOR, 10))).rejects.toMatchObject({
      code: ErrorCode.NotFound,
    });
  });
});
