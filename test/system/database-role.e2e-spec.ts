import { APPLICATION_ROLE } from '@app/infrastructure';
import { DatabaseRoleCheck, describeRole, isBoundByRowLevelSecurity } from '@app/persistence';
import IORedis from 'ioredis';

import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { LogSink } from '../support/log-sink';
import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';
import { until } from '../support/until';

/** The service runs as a role row-level security binds, says so, and production refuses any other. */
describe('database role', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
  });
  afterAll(() => stack.stop());

  it('runs as the application role, which owns nothing, and names it in the start-up log and /readyz', async () => {
    expect(stack.logs.text()).toContain(`connected as ${APPLICATION_ROLE} (row-level security applies)`);
    const ready = await http(stack.baseUrl, 'GET', '/readyz', { token: null });
    expect(ready.body.info.database).toEqual({ status: 'up', role: APPLICATION_ROLE, rowLevelSecurity: true });
    const owners = await stack.db.query<{ tableowner: string }>(
      "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(owners.map((o) => o.tableowner)).toEqual(['postgres']);
  });

  it('refuses to start in production as a superuser', async () => {
    const logs = new LogSink();
    const start = createApiApp({
      config: { ...stack.config, NODE_ENV: 'production', DATABASE_URL: stack.db.url },
      logDestination: logs,
    });
    await expect(start).rejects.toThrow(/refusing to start in production as postgres \(superuser/);
  });

  it('refuses to start the worker in production as a superuser, and closes what it opened', async () => {
    const before = await openConnections(stack);
    const start = createWorkerApp({
      config: { ...stack.config, NODE_ENV: 'production', DATABASE_URL: stack.db.url },
      logDestination: new LogSink(),
    });
    await expect(start).rejects.toThrow(/refusing to start in production as postgres \(superuser/);
    // Closed connections leave pg_stat_activity and CLIENT LIST a moment after the client ends them: wait a little,
    // then compare, so that a failure shows what was left open.
    const closed = async () => JSON.stringify(await openConnections(stack)) === JSON.stringify(before);
    await until('the refused worker to close its connections', closed, 3000).catch(() => undefined);
    expect(await openConnections(stack)).toEqual(before);
  });

  it('starts outside production as a superuser, and says row-level security does not bind it', async () => {
    const app = await createApiApp({
      config: { ...stack.config, DATABASE_URL: stack.db.url },
      logDestination: new LogSink(),
    });
    try {
      const role = await app.get(DatabaseRoleCheck).current();
      expect(role).toMatchObject({ name: 'postgres', superuser: true });
      expect(isBoundByRowLevelSecurity(role)).toBe(false);
      expect(describeRole(role)).toBe(
        'postgres (superuser, BYPASSRLS, owner of the tables: row-level security does NOT apply)',
      );
    } finally {
      await app.close();
    }
  });
});

/**
 * Connections to the stack's database as its owner, which only the refused starts use (API and worker run as the
 * application role), and Redis connections named under the stack's prefix (the API's among them).
 */
async function openConnections(stack: TestStack): Promise<{ postgres: number; redis: number }> {
  const [{ postgres }] = await stack.db.query<{ postgres: number }>(
    `SELECT count(*)::int AS postgres FROM pg_stat_activity
      WHERE datname = current_database() AND usename = current_user AND pid <> pg_backend_pid()`,
  );
  const redis = new IORedis(stack.redis.url);
  try {
    const clients = (await redis.client('LIST')) as string;
    const names = clients.split('\n').map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '');
    return { postgres, redis: names.filter((name) => name.startsWith(`${stack.redis.prefix}:`)).length };
  } finally {
    redis.disconnect();
  }
}
