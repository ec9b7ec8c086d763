import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TestStack } from '../support/test-stack';

const README = path.resolve(__dirname, '../../README.md');

/** The `sh` blocks of README's walk-through section, in order. */
function walkthroughBlocks(): string[] {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('## Walk-through with curl');
  const end = text.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('README has no "## Walk-through with curl" section');
  return [...text.slice(start, end).matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
}

function bash(script: string, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr });
      },
    );
  });
}

/**
 * Pastes README's walk-through, block by block, into one shell against a started API and worker with the default
 * configuration (development token, BASE_DOMAIN=localhost): a block that fails fails this test.
 */
describe('README walk-through', () => {
  let stack: TestStack;
  let scratch: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      config: { NODE_ENV: 'development', SYSTEM_API_TOKENS: '', SECRET_KEY: '', BASE_DOMAIN: 'localhost' },
    });
    scratch = mkdtempSync(path.join(tmpdir(), 'readme-walkthrough-'));
  });

  afterAll(async () => {
    await stack.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('runs every block as written, in order, in one shell', async () => {
    const blocks = walkthroughBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const port = new URL(stack.baseUrl).port;
    // One shell: each block runs after the ones before it, and a failing command stops the run naming its block.
    const script = [
      'set -euo pipefail',
      ...blocks.map(
        (block, i) =>
          `echo "--- block ${i + 1}"\n${block.replaceAll('http://localhost:8080', `http://localhost:${port}`)}`,
      ),
    ].join('\n');
    writeFileSync(path.join(scratch, 'walkthrough.sh'), script);
    const { code, output } = await bash(`bash ${path.join(scratch, 'walkthrough.sh')}`, scratch);
    if (code !== 0) throw new Error(`the walk-through failed (exit ${code}):\n${output.slice(-3000)}`);
    expect(output).toContain(`--- block ${blocks.length}`);
    expect(output).toContain('"SUCCEEDED"');
    expect(output).toContain('"telemetry"');
    expect(output).toMatch(/"user": "admin"/);
  });
});
