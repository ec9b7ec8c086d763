import { operatorPermissions } from '../authorization/permission';
import { instanceSpecFrom } from './instance-spec';
import { type PlanIds, planInstance, type PlanInstanceArgs } from './plan-instance';

const NOW = new Date('2025-01-15T12:00:00.000Z');
const PASSWORD = 'Correct-Horse-9';
const PAT_DIGEST = 'f'.repeat(64);
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n';
const SEALED = 'sealed:secret-blob';
const EXPIRES = new Date('2025-01-15T13:00:00.000Z');

const ids: PlanIds = {
  orgId: '000000000000000a',
  humanId: '000000000000000b',
  machineId: '000000000000000c',
  patId: '000000000000000d',
  machineKeyId: '000000000000000e',
  bucketIds: ['0000000000000010', '0000000000000011', '0000000000000012'],
};

const fullSpec = instanceSpecFrom(
  {
    instanceName: 'ACME Corp',
    firstOrgName: 'ACME Org',
    defaultLanguage: 'de',
    human: {
      userName: 'admin',
      email: { email: 'admin@acme.example.com', isEmailVerified: true },
      profile: { firstName: 'Ada', lastName: 'Lovelace' },
      password: { password: PASSWORD, passwordChangeRequired: true },
    },
    machine: {
      userName: 'robot',
      name: 'Robot',
      personalAccessToken: { expirationDate: '2030-01-01T00:00:00Z' },
      machineKey: { type: 'KEY_TYPE_JSON' },
    },
  },
  NOW,
).spec;

function args(overrides: Partial<PlanInstanceArgs> = {}): PlanInstanceArgs {
  return {
    operationId: '00000000000000f0',
    instanceId: '00000000000000f1',
    spec: fullSpec,
    ids,
    credentials: {
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$hash',
      patDigest: PAT_DIGEST,
      machinePublicKeyPem: PUBLIC_KEY,
      pooledKeyId: null,
    },
    defaultBucketName: 'default',
    sealedSecrets: SEALED,
    secretsExpireAt: EXPIRES,
    ...overrides,
  };
}

describe('planInstance', () => {
  describe('a full request', () => {
    const plan = planInstance(args());

    it('carries the operation, instance and sealed secrets through', () => {
      expect(plan).toMatchObject({
        operationId: '00000000000000f0',
        instanceId: '00000000000000f1',
        sealedSecrets: SEALED,
        secretsExpireAt: EXPIRES,
      });
    });

    it('creates the first org under firstOrgName', () => {
      expect(plan.org).toEqual({ id: ids.orgId, name: 'ACME Org' });
    });

    it('creates the human with its hash and the machine without password', () => {
      expect(plan.users).toEqual([
        {
          id: ids.humanId,
          kind: 'human',
          userName: 'admin',
          displayName: 'Ada Lovelace',
          email: 'admin@acme.example.com',
          emailVerified: true,
          firstName: 'Ada',
          lastName: 'Lovelace',
          preferredLanguage: 'de',
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$hash',
          passwordChangeRequired: true,
        },
        {
          id: ids.machineId,
          kind: 'machine',
          userName: 'robot',
          displayName: 'Robot',
          email: null,
          emailVerified: false,
          firstName: '',
          lastName: '',
          preferredLanguage: 'de',
          passwordHash: null,
          passwordChangeRequired: false,
        },
      ]);
    });

    it('makes both users owners', () => {
      expect(plan.ownerIds).toEqual([ids.humanId, ids.machineId]);
    });

    it('gives the machine a PAT with operator permissions, stored only as its digest', () => {
      expect(plan.tokens).toEqual([
        {
          id: ids.patId,
          userId: ids.machineId,
          orgId: ids.orgId,
          kind: 'pat',
          digest: PAT_DIGEST,
          description: 'personal access token of robot',
          permissions: operatorPermissions(),
          expiresAt: new Date('2030-01-01T00:00:00.000Z'),
        },
      ]);
    });

    it('stores only the public half of the machine key, without expiry when none was asked', () => {
      expect(plan.machineKeys).toEqual([
        {
          id: ids.machineKeyId,
          userId: ids.machineId,
          type: 'KEY_TYPE_JSON',
          publicKeyPem: PUBLIC_KEY,
          expiresAt: null,
        },
      ]);
    });

    it('creates _tasks, _monitoring and the default bucket in the org', () => {
      expect(plan.buckets).toEqual([
        { id: ids.bucketIds[0], orgId: ids.orgId, name: '_tasks', type: 'system', retentionSeconds: 3 * 86400 },
        { id: ids.bucketIds[1], orgId: ids.orgId, name: '_monitoring', type: 'system', retentionSeconds: 7 * 86400 },
        { id: ids.bucketIds[2], orgId: ids.orgId, name: 'default', type: 'user', retentionSeconds: 30 * 86400 },
      ]);
    });

    it('records one event per row, instance first and instance.running last', () => {
      expect(plan.events.map((e) => [e.type, e.aggregateId])).toEqual([
        ['instance.added', '00000000000000f1'],
        ['org.added', ids.orgId],
        ['user.human.added', ids.humanId],
        ['user.machine.added', ids.machineId],
        ['member.owner.added', ids.humanId],
        ['member.owner.added', ids.machineId],
        ['personal_access_token.added', ids.patId],
        ['machine_key.added', ids.machineKeyId],
        ['bucket.added', ids.bucketIds[0]],
        ['bucket.added', ids.bucketIds[1]],
        ['bucket.added', ids.bucketIds[2]],
        ['instance.running', '00000000000000f1'],
      ]);
    });

    it('owns instance events by the instance and the rest by the org', () => {
      for (const event of plan.events) {
        expect(event.resourceOwner).toBe(event.aggregateType === 'instance' ? '00000000000000f1' : ids.orgId);
      }
    });

    it('puts no secret, hash, digest or key into any event payload', () => {
      const payloads = JSON.stringify(plan.events.map((e) => e.payload));
      for (const secret of [PASSWORD, '$argon2id', PAT_DIGEST, PUBLIC_KEY, 'BEGIN', SEALED]) {
        expect(payloads).not.toContain(secret);
      }
    });

    it('names the default bucket as configured', () => {
      expect(planInstance(args({ defaultBucketName: 'telemetry' })).buckets[2].name).toBe('telemetry');
    });
  });

  describe('partial requests', () => {
    it('makes a user without a password when no hash was generated', () => {
      const plan = planInstance(
        args({ credentials: { passwordHash: null, patDigest: null, machinePublicKeyPem: null, pooledKeyId: null } }),
      );
      expect(plan.users[0].passwordHash).toBeNull();
      expect(plan.tokens).toEqual([]);
      expect(plan.machineKeys).toEqual([]);
    });

    it('falls back to the user name as display name of a human without profile', () => {
      const spec = instanceSpecFrom(
        { instanceName: 'x', human: { userName: 'solo', email: { email: 'solo@x.io' } } },
        NOW,
      ).spec;
      const plan = planInstance(args({ spec }));
      expect(plan.users).toHaveLength(1);
      expect(plan.users[0]).toMatchObject({ kind: 'human', displayName: 'solo' });
      expect(plan.org).toEqual({ id: ids.orgId, name: 'x' });
      expect(plan.buckets).toHaveLength(3);
    });

    it('creates an org, owner and buckets for a machine alone', () => {
      const spec = instanceSpecFrom({ instanceName: 'bots', machine: { userName: 'bot' } }, NOW).spec;
      const plan = planInstance(args({ spec }));
      expect(plan.users.map((u) => u.kind)).toEqual(['machine']);
      expect(plan.ownerIds).toEqual([ids.machineId]);
      expect(plan.tokens).toEqual([]);
      expect(plan.machineKeys).toEqual([]);
      expect(plan.buckets.map((b) => b.orgId)).toEqual([ids.orgId, ids.orgId, ids.orgId]);
    });
  });

  describe('an instance awaiting setup', () => {
    const spec = instanceSpecFrom({ instanceName: 'Waiting' }, NOW).spec;
    const plan = planInstance(
      args({
        spec,
        credentials: { passwordHash: null, patDigest: null, machinePublicKeyPem: null, pooledKeyId: null },
        sealedSecrets: null,
        secretsExpireAt: null,
      }),
    );

    it('has no org, no users, no owners, no tokens, no keys and no buckets', () => {
      expect(plan).toMatchObject({
        org: null,
        users: [],
        ownerIds: [],
        tokens: [],
        machineKeys: [],
        buckets: [],
        sealedSecrets: null,
        secretsExpireAt: null,
      });
    });

    it('records only the instance events', () => {
      expect(plan.events).toEqual([
        {
          aggregateType: 'instance',
          aggregateId: '00000000000000f1',
          type: 'instance.added',
          payload: { name: 'Waiting', defaultLanguage: 'en' },
          resourceOwner: '00000000000000f1',
        },
        {
          aggregateType: 'instance',
          aggregateId: '00000000000000f1',
          type: 'instance.running',
          payload: {},
          resourceOwner: '00000000000000f1',
        },
      ]);
    });
  });
});
