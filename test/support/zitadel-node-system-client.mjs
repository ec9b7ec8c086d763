// Runs a System API flow with @zitadel/node (ESM only, so jest cannot load it: the test runs this in its own Node).
// Usage: node zitadel-node-system-client.mjs <host:port> <token>; prints one JSON object of results.
import { createAccessTokenInterceptor, createSystemClient } from '@zitadel/node/dist/api/index.js';

const [endpoint, token] = process.argv.slice(2);
const system = createSystemClient(endpoint, createAccessTokenInterceptor(token));
const codeOf = (call) =>
  call.then(
    () => 'OK',
    (e) => e.code,
  );

const created = await system.createInstance({
  instanceName: 'node-made',
  machine: { userName: 'robot', name: 'Robot', personalAccessToken: {} },
});
const listed = await system.listInstances({ queries: [{ idQuery: { ids: [created.instanceId] } }] });
const got = await system.getInstance({ instanceId: created.instanceId });
await system.updateInstance({ instanceId: created.instanceId, instanceName: 'node-renamed' });
const renamed = await system.getInstance({ instanceId: created.instanceId });
const removed = await system.removeInstance({ instanceId: created.instanceId });
const removedAgain = await codeOf(system.removeInstance({ instanceId: created.instanceId }));
const unknown = await codeOf(system.getInstance({ instanceId: '0000000000000000' }));
const anonymous = await codeOf(createSystemClient(endpoint).listInstances({}));
console.log(
  JSON.stringify({
    instanceId: created.instanceId,
    hasPat: created.pat.length > 0,
    listedIds: listed.result.map((i) => i.id),
    name: got.instance?.name,
    renamed: renamed.instance?.name,
    removedHasDetails: removed.details !== undefined,
    removedAgain,
    unknown,
    anonymous,
  }),
);
