import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { SignJWT } from 'jose';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';

import { http } from '../support/system-api';
import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';
import { until } from '../support/until';
import { launchChromium, screenshot } from './browser';

jest.setTimeout(120_000);

const ISSUER = 'https://issuer.test';
const viewerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const viewerJwt = () => {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: 'audit', sub: 'audit', aud: ISSUER, iat: now, exp: now + 300 })
    .setProtectedHeader({ alg: 'RS256' })
    .sign(viewerKey.privateKey);
};

/** The console in headless Chromium against the real API and worker, as an operator would use it. */
describe('Operator console in a browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ type: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as { type: string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    [stack, browser] = await Promise.all([
      TestStack.start({
        config: {
          WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
          WEBHOOK_RELAY_INTERVAL_MS: '200',
          SYSTEM_API_ISSUER: ISSUER,
          SYSTEM_API_USERS: JSON.stringify({
            audit: {
              keyData: Buffer.from(viewerKey.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
              role: 'SYSTEM_OWNER_VIEWER',
            },
          }),
        },
      }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  async function signIn(token: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.baseUrl });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/console/');
    await page.getByLabel('System API token or JWT').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Instances' }).waitFor();
    return { context, page };
  }

  const tenantStatus = async (pat: string) =>
    (await http(stack.baseUrl, 'GET', '/api/v2/buckets', { token: null, headers: { authorization: `Token ${pat}` } }))
      .status;

  it('signs in, creates an instance with live progress, uses its PAT, blocks, adds a domain, sees a webhook delivery, deletes, signs out', async () => {
    const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1280, height: 800 } });
    const first = await context.newPage();
    await first.goto('/console/');
    await first.getByLabel('System API token or JWT').waitFor();
    await screenshot(first, '01-sign-in');
    await context.close();

    const { page } = await signIn(SYSTEM_TOKEN);
    await screenshot(page, '02-instances');

    // A webhook first, so that the instance's creation and removal are delivered to it.
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('Endpoint URL').fill(receiverUrl);
    await page.getByLabel('instance.removed').check();
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await page.getByText('Signing secret, shown once').waitFor();

    await page.getByRole('link', { name: 'Create instance' }).click();
    await page.getByLabel('Instance name').fill('Browser Co');
    await page.getByLabel('Email', { exact: true }).fill('ops@browser.example');
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create instance' }).click();
    await page.getByText('Shown once.').waitFor();
    // Live progress over SSE: the operation's state and its steps (a fast worker may finish between two events).
    await page.getByText('succeeded', { exact: true }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value')).toBe('100');
    await screenshot(page, '03-created-secrets-once');
    expect(await page.getByRole('button', { name: 'Download machine key file' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Copy PAT' }).click();
    await page.getByText('Copied.').waitFor();
    const pat = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    expect(pat.length).toBeGreaterThan(20);
    expect(await tenantStatus(pat)).toBe(200);

    await page.getByRole('link', { name: 'Open the instance' }).click();
    await page.getByRole('button', { name: 'Block' }).click();
    await page.getByText('blocked', { exact: true }).waitFor();
    expect(await tenantStatus(pat)).toBe(429);
    await page.getByRole('button', { name: 'Unblock' }).click();
    await page.getByText('not blocked', { exact: true }).waitFor();
    expect(await tenantStatus(pat)).toBe(200);

    await page.getByLabel('New domain').fill('browser.example.com');
    await page.getByRole('button', { name: 'Add domain' }).click();
    await page.getByRole('button', { name: 'Remove browser.example.com' }).waitFor();
    await screenshot(page, '04-instance-detail');

    // The server refuses a change without the CSRF token, even with the session cookie.
    const withoutCsrf = await page.evaluate(
      async () =>
        (
          await fetch('/console/api/system/v1/webhooks', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
    );
    expect(withoutCsrf).toBe(403);

    const deleteButton = page.getByRole('button', { name: 'Delete instance' });
    expect(await deleteButton.isDisabled()).toBe(true);
    await page.getByLabel('Instance name to confirm').fill('Browser Co');
    await deleteButton.click();
    await page.getByText('stopped', { exact: true }).waitFor();
    expect(await tenantStatus(pat)).toBe(401);

    await until('the webhook deliveries', () => received.some((e) => e.type === 'instance.removed'));
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: /^Deliveries/ }).click();
    await page.getByRole('cell', { name: 'SUCCEEDED' }).first().waitFor();
    await screenshot(page, '05-webhooks');

    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('cell', { name: 'REMOVE_INSTANCE' }).waitFor();
    await screenshot(page, '06-operations');
    await page.getByRole('link', { name: 'Queues & workers' }).click();
    await page.getByRole('rowheader', { name: 'WRITE_INSTANCE' }).waitFor();
    await screenshot(page, '07-queues');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('System API token or JWT').waitFor();
    expect(await page.evaluate(async () => (await fetch('/console/api/session')).status)).toBe(401);
  });

  it('shows a viewer no change buttons, and the server refuses its changes', async () => {
    const { page } = await signIn(await viewerJwt());
    await page.getByText('viewer (read-only)').waitFor();
    expect(await page.getByRole('link', { name: 'New instance' }).count()).toBe(0);
    await page.locator('tbody a').first().click();
    await page.getByRole('heading', { name: 'Domains' }).waitFor();
    await page.getByRole('heading', { name: 'Limits' }).waitFor();
    for (const name of ['Block', 'Unblock', 'Add domain', 'Rename', 'Delete instance', 'Set quota']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await screenshot(page, '08-viewer-instance');
    const instanceId = page.url().split('/').pop()!;
    const refused = await page.evaluate(async (id) => {
      const { csrfToken } = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
      const answer = await fetch(`/console/api/system/v1/instances/${id}/limits`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ block: true }),
      });
      return answer.status;
    }, instanceId);
    expect(refused).toBe(403);
  });
});
