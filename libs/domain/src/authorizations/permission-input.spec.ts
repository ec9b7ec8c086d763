import { checkPermissions } from './permission-input';

const ORG = '0123456789abcdef';

describe('checkPermissions', () => {
  it('keeps action, type, id and orgID and nothing else', () => {
    const input = [
      { action: 'read', resource: { type: 'buckets', orgID: ORG, name: 'ignored' } as { type: string; orgID: string } },
    ];
    expect(checkPermissions(input)).toEqual([{ action: 'read', resource: { type: 'buckets', orgID: ORG } }]);
  });

  it.each([[undefined], [[]]])('requires at least one permission (%p)', (input) => {
    expect(() => checkPermissions(input)).toThrow('permissions: at least one permission is required');
  });

  it.each([
    [{ action: 'delete', resource: { type: 'buckets' } }, 'permissions[0].action'],
    [{ action: 'read', resource: { type: 'spaceships' } }, 'permissions[0].resource.type'],
    [{ action: 'read' }, 'permissions[0].resource.type'],
    [{ action: 'read', resource: { type: 'buckets', id: 'ABCDEF0123456789' } }, 'permissions[0].resource.id'],
    [{ action: 'read', resource: { type: 'buckets', orgID: 'short' } }, 'permissions[0].resource.orgID'],
  ])('refuses %p naming %s', (permission, field) => {
    expect(() => checkPermissions([permission])).toThrow(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
  });
});
