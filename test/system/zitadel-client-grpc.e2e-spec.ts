import { generateKeyPairSync } from 'node:crypto';

import { type Client, Code, ConnectError, type Interceptor, type Transport } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from '@connectrpc/connect-node';
import { State } from '@zitadel/proto/zitadel/instance_pb';
import { Unit } from '@zitadel/proto/zitadel/quota_pb';
import type { SystemService } from '@zitadel/proto/zitadel/system_pb';

import { TestStack } from '../support/test-stack';

/* @zitadel/client ships types for "exports"-aware resolvers only; its CommonJS build is what jest loads. */
const { createSystemServiceClient } = require('@zitadel/client/v1') as {
  createSystemServiceClient: (t: Transport) => Client<typeof SystemService>;
};
const { NewAuthorizationBearerInterceptor } = require('@zitadel/client') as {
  NewAuthorizationBearerInterceptor: (token: string) => Interceptor;
};
const { newSystemToken } = require('@zitadel/client/node') as {
  newSystemToken: (o: { audience: string; subject: string; key: string }) => Promise<string>;
};

const ISSUER = 'https://issuer.test';
const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const owner = rsa();
const viewer = rsa();
const publicKeyData = (k: ReturnType<typeof rsa>) =>
  Buffer.from(k.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');
const pkcs8 = (k: ReturnType<typeof rsa>) => String(k.privateKey.export({ type: 'pkcs8', format: 'pem' }));

async function codeOf(call: Promise<unknown>): Promise<Code> {
  const error = await call.then(
    () => null,
    (e: unknown) => ConnectError.from(e),
  );
  if (!error) throw new Error('the call succeeded');
  return error.code;
}

describe("System API over gRPC, gRPC-Web and Connect, with ZITADEL's @zitadel/client", () => {
  let stack: TestStack;
  let ownerToken: string;

  beforeAll(async () => {
    stack = await TestStack.start({
      grpc: true,
      config: {
        SYSTEM_API_USERS: JSON.stringify({
          ops: { keyData: publicKeyData(owner) },
          audit: { keyData: publicKeyData(viewer), role: 'SYSTEM_OWNER_VIEWER' },
        }),
        SYSTEM_API_ISSUER: ISSUER,
      },
    });
    // newSystemToken puts the given audience into `aud`: it must name SYSTEM_API_ISSUER.
    ownerToken = await newSystemToken({ audience: ISSUER, subject: 'ops', key: pkcs8(owner) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const transports: Record<string, (interceptors: Interceptor[]) => Transport> = {
    'gRPC over HTTP/2 (GRPC_PORT)': (interceptors) => createGrpcTransport({ baseUrl: stack.grpcUrl, interceptors }),
    'Connect JSON over HTTP/1.1 (main port)': (interceptors) =>
      createConnectTransport({ baseUrl: stack.baseUrl, httpVersion: '1.1', useBinaryFormat: false, interceptors }),
    'Connect binary over HTTP/1.1 (main port)': (interceptors) =>
      createConnectTransport({ baseUrl: stack.baseUrl, httpVersion: '1.1', useBinaryFormat: true, interceptors }),
    'gRPC-Web over HTTP/1.1 (main port)': (interceptors) =>
      createGrpcWebTransport({ baseUrl: stack.baseUrl, httpVersion: '1.1', interceptors }),
  };

  describe.each(Object.keys(transports))('%s', (name) => {
    const client = (token: string | null = ownerToken) =>
      createSystemServiceClient(transports[name](token ? [NewAuthorizationBearerInterceptor(token)] : []));

    it('creates, lists, gets, renames and removes an instance', async () => {
      const system = client();
      await system.healthz({});
      const created = await system.createInstance({
        instanceName: 'grpc-made',
        owner: { case: 'machine', value: { userName: 'robot', name: 'Robot', personalAccessToken: {} } },
      });
      expect(created.instanceId).toMatch(/^[0-9a-f]{16}$/);
      expect(created.pat).not.toBe('');
      expect(created.details?.resourceOwner).toBe(created.instanceId);

      const listed = await system.listInstances({
        queries: [{ query: { case: 'idQuery', value: { ids: [created.instanceId] } } }],
      });
      expect(listed.result.map((i) => i.id)).toEqual([created.instanceId]);
      expect(listed.details?.totalResult).toBe(1n);

      const got = await system.getInstance({ instanceId: created.instanceId });
      expect(got.instance).toMatchObject({ id: created.instanceId, name: 'grpc-made' });

      await system.updateInstance({ instanceId: created.instanceId, instanceName: 'grpc-renamed' });
      expect((await system.getInstance({ instanceId: created.instanceId })).instance?.name).toBe('grpc-renamed');

      const domains = await system.listDomains({ instanceId: created.instanceId });
      expect(domains.result.length).toBeGreaterThan(0);
      expect((await system.existsDomain({ domain: domains.result[0].domain })).exists).toBe(true);

      const removed = await system.removeInstance({ instanceId: created.instanceId });
      expect(removed.details).toBeDefined();
      expect((await system.getInstance({ instanceId: created.instanceId })).instance?.state).toBe(State.STOPPED);
      expect(await codeOf(system.removeInstance({ instanceId: created.instanceId }))).toBe(Code.NotFound);
    });

    it('lists IAM members, sets limits in bulk and adds, sets and removes a quota', async () => {
      const system = client();
      const { instanceId } = await system.createInstance({
        instanceName: 'grpc-quota',
        owner: { case: 'machine', value: { userName: 'robot', name: 'Robot', personalAccessToken: {} } },
      });
      const members = await system.listIAMMembers({ instanceId });
      expect(members.result.map((m) => m.roles)).toEqual([['IAM_OWNER']]);

      const bulk = await system.bulkSetLimits({ limits: [{ instanceId, block: false }] });
      expect(bulk.targetDetails.map((d) => d.resourceOwner)).toEqual([instanceId]);

      const quota = {
        instanceId,
        unit: Unit.REQUESTS_ALL_AUTHENTICATED,
        resetInterval: { seconds: 3600n },
        amount: 100n,
        limit: true,
      };
      await system.addQuota(quota);
      expect(await codeOf(system.addQuota(quota))).toBe(Code.AlreadyExists);
      await system.setQuota({ ...quota, amount: 200n });
      await system.removeQuota({ instanceId, unit: Unit.REQUESTS_ALL_AUTHENTICATED });
      expect(await codeOf(system.removeQuota({ instanceId, unit: Unit.REQUESTS_ALL_AUTHENTICATED }))).toBe(
        Code.NotFound,
      );
    });

    it('answers NOT_FOUND, UNAUTHENTICATED, PERMISSION_DENIED and UNIMPLEMENTED as gRPC codes', async () => {
      expect(await codeOf(client().getInstance({ instanceId: '0000000000000000' }))).toBe(Code.NotFound);
      expect(await codeOf(client(null).listInstances({}))).toBe(Code.Unauthenticated);
      expect(await codeOf(client('not-a-valid-token').listInstances({}))).toBe(Code.Unauthenticated);
      const viewerToken = await newSystemToken({ audience: ISSUER, subject: 'audit', key: pkcs8(viewer) });
      await client(viewerToken).listInstances({});
      expect(await codeOf(client(viewerToken).removeInstance({ instanceId: '0000000000000000' }))).toBe(
        Code.PermissionDenied,
      );
      expect(await codeOf(client().listViews({}))).toBe(Code.Unimplemented);
    });
  });
});
