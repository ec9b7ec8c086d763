import { type Permission } from '../authorization/permission';
import { type DomainError, ErrorCode } from '../errors';
import { checkPermissionTargets, namedResources, type ResourceOrgs } from './permission-targets';

const O = '000000000000000a';
const P = '000000000000000b';
const BUCKET_OF_O = '00000000000000b0';
const BUCKET_OF_P = '00000000000000b1';
const USER = '00000000000000c0';
const found: ResourceOrgs = new Map<string, string | null>([
  [`buckets/${BUCKET_OF_O}`, O],
  [`buckets/${BUCKET_OF_P}`, P],
  [`orgs/${O}`, O],
  [`orgs/${P}`, P],
  [`users/${USER}`, null],
]);
const read = (resource: Permission['resource']): Permission => ({ action: 'read', resource });

function refusal(permissions: Permission[]): DomainError {
  try {
    checkPermissionTargets(permissions, O, found);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('checkPermissionTargets', () => {
  it('accepts permissions without ids, and resources of the org they are scoped to', () => {
    expect(() =>
      checkPermissionTargets(
        [
          read({ type: 'buckets' }),
          read({ type: 'buckets', orgID: P }),
          read({ type: 'buckets', id: BUCKET_OF_O }),
          read({ type: 'buckets', id: BUCKET_OF_O, orgID: O }),
          read({ type: 'buckets', id: BUCKET_OF_P, orgID: P }),
          read({ type: 'orgs', id: O }),
          read({ type: 'users', id: USER }),
        ],
        O,
        found,
      ),
    ).not.toThrow();
  });

  it("refuses another org's bucket named under the authorization's org, as invalid", () => {
    const error = refusal([read({ type: 'buckets', orgID: O }), read({ type: 'buckets', id: BUCKET_OF_P, orgID: O })]);
    expect(error.code).toBe(ErrorCode.InvalidArgument);
    expect(error.message).toBe(
      `permissions[1].resource.id: must name an existing buckets resource of organization ${O}`,
    );
  });

  it.each([
    ['a bucket of another org without orgID', read({ type: 'buckets', id: BUCKET_OF_P })],
    ['another org by id', read({ type: 'orgs', id: P })],
    ['an org by id under another orgID', read({ type: 'orgs', id: P, orgID: O })],
    ['an unknown bucket', read({ type: 'buckets', id: '0123456789abcdef', orgID: O })],
    ['a resource type the instance does not keep', read({ type: 'dashboards', id: BUCKET_OF_O, orgID: O })],
  ])('refuses %s', (_, permission) => {
    expect(refusal([permission]).code).toBe(ErrorCode.InvalidArgument);
  });

  it('says the same for a missing resource and one of another org', () => {
    const missing = refusal([read({ type: 'buckets', id: '0123456789abcdef' })]).message;
    const foreign = refusal([read({ type: 'buckets', id: BUCKET_OF_P })]).message;
    expect(missing.replace(/[0-9a-f]{16}$/, '')).toBe(foreign.replace(/[0-9a-f]{16}$/, ''));
  });

  it('names each resource once', () => {
    expect(
      namedResources([
        read({ type: 'buckets', id: BUCKET_OF_O }),
        { action: 'write', resource: { type: 'buckets', id: BUCKET_OF_O } },
        read({ type: 'buckets' }),
      ]),
    ).toEqual([{ type: 'buckets', id: BUCKET_OF_O }]);
  });
});
