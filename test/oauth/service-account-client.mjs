// ZITADEL's ServiceAccount (@zitadel/node) in a plain Node.js process: @zitadel/node is an ES module, which Jest
// cannot load without experimental flags. Usage: node service-account-client.mjs <issuer URL> <address>, with the
// key file JSON on stdin. Prints {"accessToken"} or {"error", "status", "body"} as one JSON line.
//
// Instance domains (<slug>-<random>.test.localhost) are not in DNS, so every host name is resolved to <address>
// through the hooks the two HTTP clients offer: openid-client's http options (discovery) and axios' `lookup`
// (the token request). The requests still carry the instance's domain in their Host header and URLs.
import axios from 'axios';
import { custom } from 'openid-client';
import { ServiceAccount } from '@zitadel/node/dist/credentials/index.js';

const [issuer, address] = process.argv.slice(2);
const lookup = (_hostname, options, callback) =>
  options && options.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4);
custom.setHttpOptionsDefaults({ lookup, timeout: 10000 });
axios.defaults.lookup = lookup;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const keyFile = JSON.parse(Buffer.concat(chunks).toString('utf8'));

try {
  const accessToken = await ServiceAccount.fromJson(keyFile).authenticate(issuer);
  process.stdout.write(`${JSON.stringify({ accessToken })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ error: error.message, status: error.response?.status, body: error.response?.data })}\n`,
  );
}
