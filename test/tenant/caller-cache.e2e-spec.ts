import { Client } from 'pg';

import { InstanceScopedCache } from '../../apps/api/src/tenant/caller-cache/instance-scoped-cache';
import { sessionCookieHeader, signIn } from '../support/sessions';
import { http, type HttpAnswer } from '../support/system-api';
import { createTenant, type TestTenant } from '../support/tenant';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/** How soon a change made by "another process" (straight in the database) must be seen: the notification's trip. */
const NOTIFY_BOUND_MS = 1000;

/**
 * The API's cache of resolved tenant callers: hits within AUTH_CACHE_TTL_MS, and yet every revocation takes effect at
 * once. The TTL is a minute here, so that a change the cache did not hear about would stay visible for the whole
 * test: only eviction can make these tests pass.
 */
describe('Tenant caller cache: fast reads, immediate revocation', () => {
  let stack: TestStack;
  let tenant: TestTenant;
  /** A connection whose writes fire no triggers (session_replication_role = replica): changes the cache never hears of. */
  let silent: Client;

  beforeAll(async () => {
    stack = await TestStack.start({ config: { AUTH_CACHE_TTL_MS: '60000' } });
    tenant = await createTenant(stack, 'cache');
    silent = new Client({ connectionString: stack.db.url });
    await silent.connect();
    await silent.query('SET session_replication_role = replica');
    await until('the API to listen for access changes', () => stack.api.get(InstanceScopedCache).active);
  });

  afterAll(async () => {
    await silent?.end();
    await stack.stop();
  });

  interface As {
    token?: string;
    session?: string;
  }

  const call = (method: string, path: string, as: As, body?: unknown): Promise<HttpAnswer> => {
    const headers: Record<string, string> = { host: tenant.domain };
    if (as.token) headers.authorization = `Token ${as.token}`;
    if (as.session) headers.cookie = sessionCookieHeader(as.session);
    return http(stack.baseUrl, method, path, { token: null, headers, body });
  };
  const operator = { token: '' };
  beforeAll(() => (operator.token = tenant.operatorToken));

  const listBuckets = async (as: As) => (await call('GET', '/api/v2/buckets', as)).status;

  /** Polls until `probe` answers `status`; answers how long that took. Fails after NOTIFY_BOUND_MS. */
  async function msUntilStatus(status: number, probe: () => Promise<number>): Promise<number> {
    const started = Date.now();
    let last = 0;
    while (Date.now() - started < NOTIFY_BOUND_MS) {
      last = await probe();
      if (last === status) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`still ${last} after ${NOTIFY_BOUND_MS} ms, expected ${status}`);
  }

  /**
   * Runs `act` with the tables' change notifications off, so that only this process's own eviction (before it
   * answers a mutating request) can make the next answer right: with notifications on, they often win the race and
   * would hide a missing eviction.
   */
  async function withoutNotifications(tables: string[], act: () => Promise<void>): Promise<void> {
    const triggers = (verb: 'DISABLE' | 'ENABLE') =>
      Promise.all(tables.map((t) => stack.db.query(`ALTER TABLE ${t} ${verb} TRIGGER ${t}_notify_access`)));
    await triggers('DISABLE');
    try {
      await act();
    } finally {
      await triggers('ENABLE');
    }
  }

  let tokenCount = 0;
  /** A new PAT for `userID` (default: the machine admin) that may read the org's buckets. */
  async function newToken(userID = tenant.machineUserId): Promise<{ id: string; token: string }> {
    const res = await call('POST', '/api/v2/authorizations', operator, {
      orgID: tenant.org.id,
      userID,
      description: `cache test ${++tokenCount}`,
      permissions: [{ action: 'read', resource: { type: 'buckets', orgID: tenant.org.id } }],
    });
    expect(res.status).toBe(201);
    return { id: res.body.id, token: res.body.token };
  }

  let userCount = 0;
  async function newUser(): Promise<{ id: string; name: string; password: string }> {
    const name = `cached-${++userCount}`;
    const password = 'cache-test-password';
    const made = await call('POST', '/api/v2/users', operator, { name });
    expect(made.status).toBe(201);
    expect((await call('POST', `/api/v2/users/${made.body.id}/password`, operator, { password })).status).toBe(204);
    return { id: made.body.id, name, password };
  }

  it('serves a PAT from memory, under its digest and never the token itself', async () => {
    const pat = await newToken();
    expect(await listBuckets(pat)).toBe(200);
    // A change the cache cannot hear of stays unseen: proof that the next answer came from memory.
    await silent.query(`UPDATE tokens SET status = 'inactive' WHERE id = $1`, [pat.id]);
    expect(await listBuckets(pat)).toBe(200);
    await silent.query(`UPDATE tokens SET status = 'active' WHERE id = $1`, [pat.id]);

    const keys = stack.api.get(InstanceScopedCache).keys();
    expect(keys.some((k) => k.startsWith('token:'))).toBe(true);
    expect(keys.filter((k) => k.includes(pat.token))).toEqual([]);
  });

  it('refuses a token on the very next request after the tenant API deletes or deactivates it', async () => {
    const deleted = await newToken();
    const deactivated = await newToken();
    await withoutNotifications(['tokens'], async () => {
      expect(await listBuckets(deleted)).toBe(200);
      expect(await listBuckets(deleted)).toBe(200);
      expect((await call('DELETE', `/api/v2/authorizations/${deleted.id}`, operator)).status).toBe(204);
      expect(await listBuckets(deleted)).toBe(401);

      expect(await listBuckets(deactivated)).toBe(200);
      const patch = (status: string) => call('PATCH', `/api/v2/authorizations/${deactivated.id}`, operator, { status });
      expect((await patch('inactive')).status).toBe(200);
      expect(await listBuckets(deactivated)).toBe(401);
      expect((await patch('active')).status).toBe(200);
      expect(await listBuckets(deactivated)).toBe(200);
    });
  });

  it('refuses a token deleted by another process (straight in the database) once the notification arrives', async () => {
    const pat = await newToken();
    expect(await listBuckets(pat)).toBe(200);
    await stack.db.query('DELETE FROM tokens WHERE id = $1', [pat.id]);
    expect(await msUntilStatus(401, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it("refuses a deactivated user's token at once, through the tenant API and in the database", async () => {
    const user = await newUser();
    const pat = await newToken(user.id);
    await withoutNotifications(['users'], async () => {
      expect(await listBuckets(pat)).toBe(200);
      expect((await call('PATCH', `/api/v2/users/${user.id}`, operator, { status: 'inactive' })).status).toBe(200);
      const refused = await call('GET', '/api/v2/buckets', pat);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('User is inactive');
      expect((await call('PATCH', `/api/v2/users/${user.id}`, operator, { status: 'active' })).status).toBe(200);
      expect(await listBuckets(pat)).toBe(200);
    });

    await stack.db.query(`UPDATE users SET status = 'inactive' WHERE id = $1`, [user.id]);
    expect(await msUntilStatus(403, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);

    await stack.db.query('DELETE FROM users WHERE id = $1', [user.id]);
    expect(await msUntilStatus(401, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it("follows a session's bucket memberships at once, through the tenant API and in the database", async () => {
    const user = await newUser();
    const { session } = await signIn(stack, tenant.domain, user.name, user.password);
    const bucket = await call('POST', '/api/v2/buckets', operator, { orgID: tenant.org.id, name: 'members-only' });
    expect(bucket.status).toBe(201);
    const readBucket = async () => (await call('GET', `/api/v2/buckets/${bucket.body.id}`, { session })).status;
    // As InfluxDB does, a bucket the caller may not read answers 401 ("read:orgs/.../buckets/... is unauthorized").
    const notAllowed = 401;
    expect(await readBucket()).toBe(notAllowed);
    expect(await readBucket()).toBe(notAllowed);

    await withoutNotifications(['bucket_members'], async () => {
      const added = await call('POST', `/api/v2/buckets/${bucket.body.id}/members`, operator, { id: user.id });
      expect(added.status).toBe(201);
      expect(await readBucket()).toBe(200);
      const removed = await call('DELETE', `/api/v2/buckets/${bucket.body.id}/members/${user.id}`, operator);
      expect(removed.status).toBe(204);
      expect(await readBucket()).toBe(notAllowed);
    });

    await stack.db.query(
      `INSERT INTO bucket_members (instance_id, bucket_id, user_id, role, created_at) VALUES ($1, $2, $3, 'member', now())`,
      [tenant.instanceId, bucket.body.id, user.id],
    );
    expect(await msUntilStatus(200, readBucket)).toBeLessThan(NOTIFY_BOUND_MS);
    await stack.db.query('DELETE FROM bucket_members WHERE bucket_id = $1 AND user_id = $2', [bucket.body.id, user.id]);
    expect(await msUntilStatus(notAllowed, readBucket)).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it('stops serving a blocked instance at once, through the System API and in the database', async () => {
    const pat = await newToken();
    expect(await listBuckets(pat)).toBe(200);
    const limits = (block: boolean) =>
      http(stack.baseUrl, 'PUT', `/system/v1/instances/${tenant.instanceId}/limits`, { body: { block } });
    await withoutNotifications(['instances'], async () => {
      expect((await limits(true)).status).toBe(200);
      expect(await listBuckets(pat)).toBe(429);
      expect((await limits(false)).status).toBe(200);
      expect(await listBuckets(pat)).toBe(200);
    });

    await stack.db.query('UPDATE instances SET blocked = true WHERE id = $1', [tenant.instanceId]);
    expect(await msUntilStatus(429, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
    await stack.db.query('UPDATE instances SET blocked = false WHERE id = $1', [tenant.instanceId]);
    expect(await msUntilStatus(200, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it('applies a new request quota at once', async () => {
    const pat = await newToken();
    expect(await listBuckets(pat)).toBe(200);
    await withoutNotifications(['instance_quotas'], async () => {
      const quota = await http(stack.baseUrl, 'POST', `/system/v1/instances/${tenant.instanceId}/quotas`, {
        body: { unit: 'UNIT_REQUESTS_ALL_AUTHENTICATED', amount: '1', resetInterval: '3600s', limit: true },
      });
      expect(quota.status).toBe(200);
      // the first request of the period uses the amount; the next one is over it
      expect(await listBuckets(pat)).toBe(200);
      expect(await listBuckets(pat)).toBe(429);
    });
    await stack.db.query('DELETE FROM instance_quotas WHERE instance_id = $1', [tenant.instanceId]);
    expect(await msUntilStatus(200, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it('routes a host that named no instance by its new domain at once, through the System API and in the database', async () => {
    const other = await createTenant(stack, 'cache-other');
    const pat = await newToken();
    const viaHost = async (host: string) =>
      (
        await http(stack.baseUrl, 'GET', '/api/v2/buckets', {
          token: null,
          headers: { host, authorization: `Token ${pat.token}` },
        })
      ).status;
    // A host that names no instance lets the token choose its own; that miss is remembered too.
    expect(await viaHost('later.example.com')).toBe(200);
    expect(await viaHost('later.example.com')).toBe(200);
    expect(stack.api.get(InstanceScopedCache).keys()).toContain('host:later.example.com');

    await withoutNotifications(['instance_domains'], async () => {
      const added = await http(stack.baseUrl, 'POST', `/system/v1/instances/${other.instanceId}/domains`, {
        body: { domain: 'later.example.com' },
      });
      expect(added.status).toBe(200);
      // The host now names another instance: this instance's token is not valid there.
      expect(await viaHost('later.example.com')).toBe(401);
    });

    expect(await viaHost('later-db.example.com')).toBe(200);
    await stack.db.query(
      `INSERT INTO instance_domains (instance_id, domain, is_generated, is_primary, created_at) VALUES ($1, $2, false, false, now())`,
      [other.instanceId, 'later-db.example.com'],
    );
    expect(await msUntilStatus(401, () => viaHost('later-db.example.com'))).toBeLessThan(NOTIFY_BOUND_MS);
  });

  it('bypasses the cache while its listening connection is down, and serves again once it listens anew', async () => {
    const cache = stack.api.get(InstanceScopedCache);
    const pat = await newToken();
    expect(await listBuckets(pat)).toBe(200);
    const killed = await stack.db.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN instance_access_changed'`,
    );
    expect(killed).toHaveLength(1);
    // The answer to the termination reaches the API over the network: wait until it noticed.
    await until('the API to notice the lost listener', () => !cache.active, 5000);
    expect(stack.logs.text()).toContain('instance access notifications lost');

    // Unheard changes are seen at once: every request reads the database.
    await silent.query(`UPDATE tokens SET status = 'inactive' WHERE id = $1`, [pat.id]);
    expect(await listBuckets(pat)).toBe(401);
    await silent.query(`UPDATE tokens SET status = 'active' WHERE id = $1`, [pat.id]);
    expect(await listBuckets(pat)).toBe(200);
    expect(cache.size).toBe(0);

    await until('the API to listen again', () => cache.active, 10000);
    expect(await listBuckets(pat)).toBe(200);
    expect(cache.size).toBeGreaterThan(0);
    await stack.db.query('DELETE FROM tokens WHERE id = $1', [pat.id]);
    expect(await msUntilStatus(401, () => listBuckets(pat))).toBeLessThan(NOTIFY_BOUND_MS);
  });
});
