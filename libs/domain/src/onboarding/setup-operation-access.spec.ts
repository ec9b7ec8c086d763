import { OperationKind } from '../operations/operation';
import { anonymousCaller, type TenantCaller } from '../tenancy/tenant-caller';
import { operationRow } from '../testing/in-memory-ports';
import { maySeeSetupOperation, requesterOf } from './setup-operation-access';

const INSTANCE = '1111111111111111';
const operator: TenantCaller = {
  ...anonymousCaller(INSTANCE),
  kind: 'token',
  tokenId: '2222222222222222',
  user: { id: '3333333333333333', name: 'op', status: 'active' },
};
const setupUser = operationRow({
  kind: OperationKind.SetupUser,
  instanceId: INSTANCE,
  createdBy: 'claim-digest',
  requestedBy: 'token:2222222222222222',
});

describe('maySeeSetupOperation', () => {
  it('lets the claim holder read it, even anonymously', () => {
    expect(maySeeSetupOperation(setupUser, anonymousCaller(INSTANCE), 'claim-digest')).toBe(true);
  });

  it('lets the token that started it read it without the claim', () => {
    expect(maySeeSetupOperation(setupUser, operator, null)).toBe(true);
  });

  it.each([
    ['an anonymous caller without claim', anonymousCaller(INSTANCE), null],
    ['an anonymous caller with a wrong claim', anonymousCaller(INSTANCE), 'other-digest'],
    ['another token of the instance', { ...operator, tokenId: '4444444444444444' }, null],
    [
      'a session of the same user',
      { ...operator, kind: 'session' as const, tokenId: null, sessionId: '2222222222222222' },
      null,
    ],
    ['the claim holder on another instance', anonymousCaller('5555555555555555'), 'claim-digest'],
  ])('refuses %s', (_, caller, claim) => {
    expect(maySeeSetupOperation(setupUser, caller, claim)).toBe(false);
  });

  it('never shows a System API operation, whatever the claim', () => {
    const create = operationRow({
      kind: OperationKind.CreateInstance,
      instanceId: INSTANCE,
      createdBy: 'claim-digest',
    });
    expect(maySeeSetupOperation(create, anonymousCaller(INSTANCE), 'claim-digest')).toBe(false);
  });

  it('names tokens and sessions apart', () => {
    expect(requesterOf(operator)).toBe('token:2222222222222222');
    expect(requesterOf({ ...operator, tokenId: null, sessionId: '6666666666666666' })).toBe('session:6666666666666666');
    expect(requesterOf(anonymousCaller(INSTANCE))).toBeNull();
  });
});
