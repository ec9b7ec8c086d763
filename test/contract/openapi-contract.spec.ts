import {
  type Contract,
  expectMatchesContract,
  expectResponseMatchesContract,
  pathTemplateFor,
} from '../support/openapi-contract';

/**
 * The contract validator must accept what InfluxDB answers and reject what it never would: otherwise every
 * "matches the contract" assertion in the tenant API tests proves nothing.
 */

const USER_ID = '0123456789abcdef';
const ORG_ID = '0a1b2c3d4e5f6a7b';
const BUCKET_ID = '1b2c3d4e5f6a7b8c';
const AUTH_ID = '2c3d4e5f6a7b8c9d';
const NOW = '2024-05-01T12:34:56.789Z';

const user = () => ({ id: USER_ID, name: 'admin', status: 'active', links: { self: `/api/v2/users/${USER_ID}` } });

const org = () => ({
  id: ORG_ID,
  name: 'my-org',
  description: '',
  createdAt: NOW,
  updatedAt: NOW,
  links: {
    self: `/api/v2/orgs/${ORG_ID}`,
    members: `/api/v2/orgs/${ORG_ID}/members`,
    owners: `/api/v2/orgs/${ORG_ID}/owners`,
    labels: `/api/v2/orgs/${ORG_ID}/labels`,
    secrets: `/api/v2/orgs/${ORG_ID}/secrets`,
    buckets: '/api/v2/buckets?org=my-org',
    tasks: '/api/v2/tasks?org=my-org',
    dashboards: '/api/v2/dashboards?org=my-org',
  },
});

const bucket = () => ({
  id: BUCKET_ID,
  orgID: ORG_ID,
  type: 'user',
  name: 'my-bucket',
  description: '',
  schemaType: 'implicit',
  retentionRules: [{ type: 'expire', everySeconds: 86400, shardGroupDurationSeconds: 3600 }],
  labels: [],
  createdAt: NOW,
  updatedAt: NOW,
  links: {
    self: `/api/v2/buckets/${BUCKET_ID}`,
    org: `/api/v2/orgs/${ORG_ID}`,
    labels: `/api/v2/buckets/${BUCKET_ID}/labels`,
    members: `/api/v2/buckets/${BUCKET_ID}/members`,
    owners: `/api/v2/buckets/${BUCKET_ID}/owners`,
    write: `/api/v2/write?org=${ORG_ID}&bucket=${BUCKET_ID}`,
  },
});

const authorization = () => ({
  id: AUTH_ID,
  token: 'bXktdG9rZW4tdmFsdWUtdGhhdC1pcy1sb25nLWVub3VnaC0xMjM0NQ',
  status: 'active',
  description: "admin's Token",
  orgID: ORG_ID,
  org: 'my-org',
  userID: USER_ID,
  user: 'admin',
  permissions: [
    { action: 'read', resource: { type: 'buckets', orgID: ORG_ID, org: 'my-org' } },
    { action: 'write', resource: { type: 'buckets', id: BUCKET_ID, orgID: ORG_ID, name: 'my-bucket', org: 'my-org' } },
    { action: 'read', resource: { type: 'users', id: USER_ID } },
  ],
  createdAt: NOW,
  updatedAt: NOW,
  links: { self: `/api/v2/authorizations/${AUTH_ID}`, user: `/api/v2/users/${USER_ID}` },
});

const onboarding = () => ({ user: user(), org: org(), bucket: bucket(), auth: authorization() });

/** Runs `fn`, expects it to throw, and gives back the message for closer looks. */
function violation(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a contract violation, but the body was accepted');
}

describe.each<Contract>(['oss', 'cloud'])('OpenAPI contract validator (%s)', (contract) => {
  describe('accepts what InfluxDB answers', () => {
    it('a UserResponse for GET /api/v2/users/{userID} 200', () => {
      expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 200, user());
      expectMatchesContract(contract, 'get', '/api/v2/users/{userID}', 200, { ...user(), status: 'inactive' });
    });

    it('an Organizations list for GET /api/v2/orgs 200, also an empty one', () => {
      expectMatchesContract(contract, 'GET', '/api/v2/orgs', 200, { links: { self: '/api/v2/orgs' }, orgs: [org()] });
      expectMatchesContract(contract, 'GET', '/api/v2/orgs', 200, {
        links: { self: '/api/v2/orgs?limit=1', next: '/api/v2/orgs?offset=1&limit=1' },
        orgs: [],
      });
    });

    it('an Authorization for POST /api/v2/authorizations 201 and GET /api/v2/authorizations/{authID} 200', () => {
      expectMatchesContract(contract, 'POST', '/api/v2/authorizations', 201, authorization());
      expectMatchesContract(contract, 'GET', '/api/v2/authorizations/{authID}', 200, authorization());
      expectMatchesContract(contract, 'GET', '/api/v2/authorizations', 200, {
        links: { self: '/api/v2/authorizations' },
        authorizations: [authorization()],
      });
    });

    it('an Error body for a 404, listed or through the default response', () => {
      // GET /orgs lists 404 (ResourceNotFoundError); GET /users/{userID} has only 200 and default.
      expectMatchesContract(contract, 'GET', '/api/v2/orgs', 404, {
        code: 'not found',
        message: 'organization not found',
      });
      expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 404, {
        code: 'not found',
        message: 'user not found',
      });
      expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 401, {
        code: 'unauthorized',
        message: 'unauthorized access',
      });
    });

    it('an empty body for a 204 that has no content', () => {
      expectMatchesContract(contract, 'DELETE', '/api/v2/users/{userID}', 204, undefined);
      expectMatchesContract(contract, 'DELETE', '/api/v2/users/{userID}', 204, '');
    });

    it('a fetch-like answer for a concrete path with a query string', () => {
      expectResponseMatchesContract(contract, 'GET', `/api/v2/users/${USER_ID}?ignored=1`, {
        status: 200,
        body: user(),
      });
      expectResponseMatchesContract(contract, 'GET', '/api/v2/orgs?limit=20', {
        status: 200,
        body: { links: { self: '/api/v2/orgs' }, orgs: [org()] },
      });
    });
  });

  describe('rejects what InfluxDB never answers', () => {
    it("a user whose status is 'disabled'", () => {
      const message = violation(() =>
        expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 200, { ...user(), status: 'disabled' }),
      );
      expect(message).toContain('GET /api/v2/users/{userID} 200');
      expect(message).toContain('/status: must be equal to one of the allowed values');
      expect(message).toContain('"disabled"');
    });

    it('a user without a name, or which is not an object at all', () => {
      const { name: _name, ...nameless } = user();
      expect(
        violation(() => expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 200, nameless)),
      ).toContain("must have required property 'name'");
      expect(violation(() => expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 200, 'admin'))).toContain(
        '(root): must be object',
      );
    });

    it('an org list where orgs is an object', () => {
      const message = violation(() =>
        expectMatchesContract(contract, 'GET', '/api/v2/orgs', 200, {
          links: { self: '/api/v2/orgs' },
          orgs: { [ORG_ID]: org() },
        }),
      );
      expect(message).toContain('/orgs: must be array');
    });

    it('an authorization without permissions, or with an empty list', () => {
      const { permissions: _permissions, ...withoutPermissions } = authorization();
      expect(
        violation(() => expectMatchesContract(contract, 'POST', '/api/v2/authorizations', 201, withoutPermissions)),
      ).toContain("must have required property 'permissions'");
      expect(
        violation(() =>
          expectMatchesContract(contract, 'POST', '/api/v2/authorizations', 201, {
            ...authorization(),
            permissions: [],
          }),
        ),
      ).toContain('/permissions: must NOT have fewer than 1 items');
    });

    it("a permission with action 'delete', and one on an unknown resource type", () => {
      const auth = authorization();
      auth.permissions[1] = { ...auth.permissions[1], action: 'delete' };
      auth.permissions[2] = { action: 'read', resource: { type: 'everything', id: USER_ID } };
      const message = violation(() =>
        expectMatchesContract(contract, 'GET', '/api/v2/authorizations/{authID}', 200, auth),
      );
      expect(message).toContain('/permissions/1/action: must be equal to one of the allowed values');
      expect(message).toContain('/permissions/2/resource/type: must be equal to one of the allowed values');
      expect(message).toMatch(/2 error\(s\)/);
    });

    it('an error body without code, with an unknown code, or as plain text', () => {
      const message = violation(() =>
        expectMatchesContract(contract, 'GET', '/api/v2/users/{userID}', 404, { message: 'user not found' }),
      );
      expect(message).toContain("GET /api/v2/users/{userID} 404 (checked against response 'default')");
      expect(message).toContain("(root): must have required property 'code'");
      expect(
        violation(() =>
          expectMatchesContract(contract, 'GET', '/api/v2/orgs', 404, { code: 'NOT_FOUND', message: 'x' }),
        ),
      ).toContain('/code: must be equal to one of the allowed values');
      expect(violation(() => expectMatchesContract(contract, 'GET', '/api/v2/orgs', 404, 'Not Found'))).toContain(
        '(root): must be object',
      );
    });

    it('a body for a 204', () => {
      const message = violation(() =>
        expectMatchesContract(contract, 'DELETE', '/api/v2/users/{userID}', 204, { deleted: true }),
      );
      expect(message).toContain('DELETE /api/v2/users/{userID} 204 has no content');
    });

    it('onboarding answers whose parts break their own schemas', () => {
      const bad = onboarding();
      bad.bucket.retentionRules = [{ type: 'forever', everySeconds: -1, shardGroupDurationSeconds: 0 }];
      const path = contract === 'oss' ? '/api/v2/setup' : '/api/v2/setup/user';
      const message = violation(() => expectMatchesContract(contract, 'POST', path, 201, bad));
      expect(message).toContain('/bucket/retentionRules/0/type');
      expect(message).toContain('/bucket/retentionRules/0/everySeconds: must be >= 0');
    });

    it('a fetch-like answer with the wrong shape', () => {
      const message = violation(() =>
        expectResponseMatchesContract(contract, 'GET', `/api/v2/users/${USER_ID}`, {
          status: 200,
          body: { users: [user()] },
        }),
      );
      expect(message).toContain('GET /api/v2/users/{userID} 200');
    });

    it('truncates long bodies in its message', () => {
      const message = violation(() =>
        expectMatchesContract(contract, 'GET', '/api/v2/orgs', 200, { orgs: 'x'.repeat(5000) }),
      );
      expect(message.length).toBeLessThan(2000);
      expect(message).toContain('more characters');
    });
  });

  describe('refuses to validate what the contract does not define', () => {
    it('unknown paths and methods, and paths without the /api/v2 server prefix', () => {
      expect(violation(() => expectMatchesContract(contract, 'GET', '/api/v2/nope', 200, {}))).toContain(
        'has no path /api/v2/nope',
      );
      const noPut = violation(() => expectMatchesContract(contract, 'PUT', '/api/v2/users/{userID}', 200, user()));
      expect(noPut).toContain('has no PUT /api/v2/users/{userID} (only ');
      expect(noPut).toContain('PATCH');
      expect(violation(() => expectMatchesContract(contract, 'GET', '/users/{userID}', 200, user()))).toContain(
        'did you mean /api/v2/users/{userID}?',
      );
    });

    it('statuses without a response nor a default, and responses without a JSON schema', () => {
      // GET /setup lists 200 only.
      expect(
        violation(() => expectMatchesContract(contract, 'GET', '/api/v2/setup', 500, { code: 'internal error' })),
      ).toContain('lists no response 500 nor default');
      // POST /query answers CSV.
      expect(violation(() => expectMatchesContract(contract, 'POST', '/api/v2/query', 200, 'a,b\n1,2'))).toContain(
        'has no JSON schema',
      );
    });
  });

  describe('pathTemplateFor', () => {
    it('maps concrete ids to templates', () => {
      expect(pathTemplateFor(contract, `/api/v2/users/${USER_ID}`)).toBe('/api/v2/users/{userID}');
      expect(pathTemplateFor(contract, '/api/v2/users')).toBe('/api/v2/users');
      expect(pathTemplateFor(contract, `/api/v2/orgs/${ORG_ID}/members/${USER_ID}`)).toBe(
        '/api/v2/orgs/{orgID}/members/{userID}',
      );
      expect(pathTemplateFor(contract, `/api/v2/buckets/${BUCKET_ID}/labels/${AUTH_ID}`)).toBe(
        '/api/v2/buckets/{bucketID}/labels/{labelID}',
      );
      expect(pathTemplateFor(contract, `/api/v2/authorizations/${AUTH_ID}?org=x`)).toBe(
        '/api/v2/authorizations/{authID}',
      );
      expect(pathTemplateFor(contract, '/api/v2/setup')).toBe('/api/v2/setup');
    });

    it('prefers literal segments over parameters', () => {
      expect(pathTemplateFor(contract, `/api/v2/orgs/${ORG_ID}/secrets/delete`)).toBe(
        '/api/v2/orgs/{orgID}/secrets/delete',
      );
      expect(pathTemplateFor(contract, `/api/v2/orgs/${ORG_ID}/secrets/mySecret`)).toBe(
        '/api/v2/orgs/{orgID}/secrets/{secretID}',
      );
    });

    it('honours operation servers: /ping lives outside /api/v2', () => {
      expect(pathTemplateFor(contract, '/ping')).toBe('/ping');
      expect(() => pathTemplateFor(contract, '/api/v2/ping')).toThrow(/No path/);
    });

    it('throws for unknown paths', () => {
      expect(() => pathTemplateFor(contract, '/api/v2/nope')).toThrow(
        `No path of the InfluxDB ${contract} contract matches /api/v2/nope`,
      );
      expect(() => pathTemplateFor(contract, '/api/v3/users')).toThrow(/No path/);
      expect(() => pathTemplateFor(contract, `/api/v2/users/${USER_ID}/extra/segments`)).toThrow(/No path/);
      expect(() => pathTemplateFor(contract, '/users')).toThrow(/No path/);
    });
  });
});

describe('OpenAPI contract validator: onboarding differs between oss and cloud', () => {
  it('accepts an OnboardingResponse for POST /api/v2/setup 201 (oss) and POST /api/v2/setup/user 201 (cloud)', () => {
    expectMatchesContract('oss', 'POST', '/api/v2/setup', 201, onboarding());
    expectMatchesContract('cloud', 'POST', '/api/v2/setup/user', 201, onboarding());
    expectResponseMatchesContract('cloud', 'POST', '/api/v2/setup/user', { status: 201, body: onboarding() });
  });

  it('knows /api/v2/setup/user only in the cloud contract', () => {
    expect(pathTemplateFor('cloud', '/api/v2/setup/user')).toBe('/api/v2/setup/user');
    expect(() => pathTemplateFor('oss', '/api/v2/setup/user')).toThrow(/No path of the InfluxDB oss contract/);
    expect(violation(() => expectMatchesContract('oss', 'POST', '/api/v2/setup/user', 201, onboarding()))).toContain(
      'oss contract has no path /api/v2/setup/user',
    );
  });

  it('rejects an onboarding answer whose auth lacks permissions', () => {
    const { permissions: _permissions, ...auth } = authorization();
    const message = violation(() =>
      expectMatchesContract('oss', 'POST', '/api/v2/setup', 201, { ...onboarding(), auth }),
    );
    expect(message).toContain("/auth: must have required property 'permissions'");
  });
});
