import { operatorPermissions, orgOwnerPermissions } from '../authorization/permission';
import { type DomainError, ErrorCode } from '../errors';
import { anonymousCaller, type TenantCaller } from '../tenancy/tenant-caller';
import { checkLabelAttachment } from './label-attachment';

const O = '000000000000000a';
const P = '000000000000000b';
const bucketOfO = { id: '00000000000000b0', orgId: O };
const label = (orgId: string) => ({
  id: '00000000000000c0',
  orgId,
  name: 'merger',
  properties: { codename: 'falcon' },
});
const caller = (permissions: TenantCaller['permissions']): TenantCaller => ({
  ...anonymousCaller('1111111111111111'),
  kind: 'token',
  permissions,
});

function refusal(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('checkLabelAttachment', () => {
  it("lets an org owner attach its org's label", () => {
    expect(() => checkLabelAttachment(caller(orgOwnerPermissions(O)), label(O), bucketOfO)).not.toThrow();
  });

  it("refuses an org owner another org's label with 401, without naming the label", () => {
    const error = refusal(() => checkLabelAttachment(caller(orgOwnerPermissions(O)), label(P), bucketOfO));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.message).not.toMatch(/merger|falcon/);
  });

  it("refuses even an operator a label of another org than the bucket's, as invalid", () => {
    expect(refusal(() => checkLabelAttachment(caller(operatorPermissions()), label(P), bucketOfO)).code).toBe(
      ErrorCode.InvalidArgument,
    );
  });
});
