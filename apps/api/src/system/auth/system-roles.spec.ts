import { DomainError, ErrorCode } from '@app/domain';

import { assertRoleAllows } from './system-roles';

describe('assertRoleAllows', () => {
  it.each([
    ['GET', '/system/v1/instances/0123456789abcdef'],
    ['HEAD', '/system/v1/instances/0123456789abcdef'],
    ['POST', '/system/v1/instances/_search'],
    ['POST', '/system/v1/instances/0123456789abcdef/domains/_search'],
    ['post', '/system/v1/domains/acme.example.com/_exists'],
    ['POST', '/system/v1/instances/_search/'],
  ])('lets SYSTEM_OWNER_VIEWER %s %s', (method, path) => {
    expect(() => assertRoleAllows('SYSTEM_OWNER_VIEWER', method, path)).not.toThrow();
  });

  it.each([
    ['POST', '/system/v1/instances/_create'],
    ['POST', '/system/v1/instances/0123456789abcdef/domains'],
    ['POST', '/system/v1/instances/0123456789abcdef/domains/_set_primary'],
    ['POST', '/system/v1/instances/_searchable'],
    ['PUT', '/system/v1/instances/0123456789abcdef'],
    ['PATCH', '/system/v1/instances/0123456789abcdef'],
    ['DELETE', '/system/v1/instances/0123456789abcdef'],
    ['PUT', '/system/v1/instances/0123456789abcdef/_search'],
  ])('refuses SYSTEM_OWNER_VIEWER %s %s with 403', (method, path) => {
    let error: unknown;
    try {
      assertRoleAllows('SYSTEM_OWNER_VIEWER', method, path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: ErrorCode.PermissionDenied,
      message: 'the role SYSTEM_OWNER_VIEWER may not change anything',
    });
  });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])('lets SYSTEM_OWNER %s', (method) => {
    expect(() => assertRoleAllows('SYSTEM_OWNER', method, '/system/v1/instances/_create')).not.toThrow();
  });
});
