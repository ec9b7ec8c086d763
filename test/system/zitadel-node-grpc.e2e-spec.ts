import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { SYSTEM_TOKEN, TestStack } from '../support/test-stack';

const run = promisify(execFile);

describe("System API over native gRPC with ZITADEL's @zitadel/node (nice-grpc over @grpc/grpc-js)", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ grpc: true });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates, lists, gets, renames and removes an instance with a static system token; errors are gRPC codes', async () => {
    // @zitadel/node is an ES module only, which jest cannot load: the flow runs in its own Node process.
    const { stdout } = await run(
      process.execPath,
      [join(__dirname, '../support/zitadel-node-system-client.mjs'), stack.grpcUrl, SYSTEM_TOKEN],
      {
        timeout: 60_000,
      },
    );
    const result = JSON.parse(stdout);
    expect(result).toEqual({
      instanceId: expect.stringMatching(/^[0-9a-f]{16}$/),
      hasPat: true,
      listedIds: [result.instanceId],
      name: 'node-made',
      renamed: 'node-renamed',
      removedHasDetails: true,
      removedAgain: 5, // NOT_FOUND
      unknown: 5, // NOT_FOUND
      anonymous: 16, // UNAUTHENTICATED
    });
  });
});
