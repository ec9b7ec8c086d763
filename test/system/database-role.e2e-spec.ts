import { APPLICATION_ROLE } from '@app/infrastructure';
import { DatabaseRoleCheck, describeRole, isBoundByRowLevelSecurity } from '@app/persistence';

import { createApiApp } from '../../apps/api/src/create-api-app';
import { LogSink } from '../support/log-sink';
import { http } from '../support/system-api';
import { TestStack } from '../support/test-stack';

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
