import { operatorPermissions, orgOwnerPermissions } from '../authorization/permission';
import { type DomainError, ErrorCode } from '../errors';
import { anonymousCaller, type TenantCaller } from '../tenancy/tenant-caller';
import {
  ownerRemovalGuard,
  type OwnershipFacts,
  tokenChangeGuard,
  userDeactivationGuard,
  userDeletionGuard,
} from './owner-rules';

const O = '000000000000000a';
const OPERATOR = { id: '00000000000000a1', name: 'root' };
const OLGA = { id: '00000000000000a2', name: 'olga' };
const caller = (user: { id: string; name: string }, permissions: TenantCaller['permissions']): TenantCaller => ({
  ...anonymousCaller('1111111111111111'),
  kind: 'token',
  user: { ...user, status: 'active' },
  tokenId: '00000000000000f0',
  permissions,
});
const orgOwner = caller(OLGA, orgOwnerPermissions(O));
const operator = caller(OPERATOR, operatorPermissions());
const facts = (overrides: Partial<OwnershipFacts> = {}): OwnershipFacts => ({
  isInstanceOperator: false,
  activeOperatorIds: [OPERATOR.id, '00000000000000a3'],
  soleOwnerOf: [],
  ...overrides,
});

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('tokenChangeGuard', () => {
  it("refuses an org owner an instance operator's token (403)", () => {
    const error = refusal(() => tokenChangeGuard(orgOwner, OPERATOR.id).check(facts({ isInstanceOperator: true })));
    expect(error.code).toBe(ErrorCode.PermissionDenied);
  });

  it("lets the token's own user, an operator, and anyone allowed change a non-operator's token", () => {
    expect(() =>
      tokenChangeGuard(caller(OPERATOR, orgOwnerPermissions(O)), OPERATOR.id).check(
        facts({ isInstanceOperator: true }),
      ),
    ).not.toThrow();
    expect(() => tokenChangeGuard(operator, OPERATOR.id).check(facts({ isInstanceOperator: true }))).not.toThrow();
    expect(() => tokenChangeGuard(orgOwner, '00000000000000a9').check(facts())).not.toThrow();
  });
});

describe('ownerRemovalGuard', () => {
  it('refuses an org owner to remove an instance operator (403), but lets an operator', () => {
    expect(
      refusal(() => ownerRemovalGuard(orgOwner, O, OPERATOR).check(facts({ isInstanceOperator: true }))).code,
    ).toBe(ErrorCode.PermissionDenied);
    expect(() => ownerRemovalGuard(operator, O, OPERATOR).check(facts({ isInstanceOperator: true }))).not.toThrow();
  });

  it('refuses to remove the last owner of the org (422 conflict), saying why', () => {
    const error = refusal(() =>
      ownerRemovalGuard(operator, O, OLGA).check(facts({ soleOwnerOf: [{ id: O, name: 'Acme' }] })),
    );
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toBe(
      'user olga is the last owner of organization Acme: add another owner first, or delete the organization',
    );
  });

  it('does not mind that the user is the last owner of another org', () => {
    expect(() =>
      ownerRemovalGuard(operator, O, OLGA).check(facts({ soleOwnerOf: [{ id: '000000000000000b', name: 'Other' }] })),
    ).not.toThrow();
  });
});

describe('userDeletionGuard and userDeactivationGuard', () => {
  it('refuses to delete the last owner of any org', () => {
    expect(
      refusal(() => userDeletionGuard(OLGA.id, OLGA.name).check(facts({ soleOwnerOf: [{ id: O, name: 'Acme' }] })))
        .message,
    ).toContain('last owner of organization Acme');
  });

  it('refuses to delete or deactivate the last active instance operator', () => {
    const last = facts({ isInstanceOperator: true, activeOperatorIds: [OPERATOR.id] });
    expect(refusal(() => userDeletionGuard(OPERATOR.id, OPERATOR.name).check(last)).message).toBe(
      'user root is the last active instance operator: make another user an instance operator first',
    );
    expect(refusal(() => userDeactivationGuard(OPERATOR.id, OPERATOR.name).check(last)).code).toBe(ErrorCode.Conflict);
    expect(() =>
      userDeletionGuard(OPERATOR.id, OPERATOR.name).check(facts({ isInstanceOperator: true })),
    ).not.toThrow();
  });
});
