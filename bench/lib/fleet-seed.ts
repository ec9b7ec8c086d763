import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

import {
  defaultBucket,
  defaultShardGroupDurationSeconds,
  InstanceState,
  operatorPermissions,
  systemBucketsForOrg,
} from '@app/domain';
import { Argon2PasswordHasher } from '@app/infrastructure/crypto/argon2-password-hasher';
import { Client } from 'pg';

/**
 * A fleet of instances written straight into the tables, fast enough for 10,000 in well under a minute, with the
 * rows a real `_create` (human with password, machine with PAT and JSON key) leaves behind once it is an hour old:
 * the instance RUNNING with its generated and custom domain, its SUCCEEDED operation (sealed secrets erased), the
 * org, both users, their org and instance memberships, the PAT (digest only), the public key, the three buckets,
 * the twelve events and the two dispatched outbox events. Compare with a provisioned instance's rows (see
 * TypeOrmProvisioningStore.reserve/commit); test/persistence/query-plans.e2e-spec.ts checks the shape against one.
 *
 * It runs as the tables' owner (row-level security, when the service's role has it, does not hide rows from it).
 */
export interface Fleet {
  seed: string;
  instances: number;
  seconds: number;
  /** The PAT of fleet instance `n` (1-based): real tokens, whose digests are stored. */
  patOf(n: number): string;
}

export interface FleetOptions {
  /** The generated domains' parent, as BASE_DOMAIN (default `localhost`). */
  baseDomain?: string;
  /** `created_by` of the operations (a System API caller id). */
  createdBy?: string;
}

const BUCKETS = [...systemBucketsForOrg(), defaultBucket('default')];
const PAT_EXPIRY = '2519-04-01T08:45:00Z';

export const fleetPat = (seed: string, n: number): string => `fleet_${seed}_${n}`;

/** One row per fleet instance: its ids (16 hex, as the service's), names and times, from the seed and n. */
const FLEET_TABLE = `
  CREATE TEMP TABLE fleet ON COMMIT DROP AS
  SELECT n,
         substr(md5($1 || ':i:' || n), 1, 16) AS instance_id, substr(md5($1 || ':o:' || n), 1, 16) AS org_id,
         substr(md5($1 || ':h:' || n), 1, 16) AS human_id, substr(md5($1 || ':m:' || n), 1, 16) AS machine_id,
         substr(md5($1 || ':t:' || n), 1, 16) AS token_id, substr(md5($1 || ':k:' || n), 1, 16) AS key_id,
         substr(md5($1 || ':op:' || n), 1, 16) AS operation_id,
         'Fleet ' || $1 || ' ' || n AS name, 'alice-' || n AS human_name, 'robot-' || n AS machine_name,
         'fleet-' || n || '-' || substr(md5($1 || ':d:' || n), 1, 6) || '.' || $3 AS generated_domain,
         'fleet-' || $1 || '-' || n || '.example.com' AS custom_domain,
         'fleet_' || $1 || '_' || n AS pat,
         -- spread over the last 30 days, newest last, as a fleet that grew steadily
         date_trunc('milliseconds', now() - interval '30 days' * (1 - n::float8 / $2)) AS reserved_at,
         date_trunc('milliseconds', now() - interval '30 days' * (1 - n::float8 / $2)) + interval '500 ms' AS at
    FROM generate_series(1, $2::int) AS n`;

/** A timestamp as JavaScript's toISOString() writes it into JSON columns. */
const iso = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Every statement after the fleet table; $n parameters are listed beside each. */
function statements(o: { passwordHash: string; publicKeyPem: string; createdBy: string }): Array<[string, unknown[]]> {
  const bucketValues = BUCKETS.map(
    (b, i) =>
      `(${i}, '${b.name}', '${b.type}', ${b.retentionSeconds}, ${defaultShardGroupDurationSeconds(b.retentionSeconds)})`,
  ).join(', ');
  const buckets = `(VALUES ${bucketValues}) AS t(ord, name, type, retention, shard)`;
  const bucketId = `substr(md5(f.instance_id || ':b:' || t.ord), 1, 16)`;
  return [
    [
      `INSERT INTO instances (id, name, state, default_language, created_at, updated_at)
       SELECT instance_id, name, $1, 'en', reserved_at, at FROM fleet`,
      [InstanceState.Running],
    ],
    [
      `INSERT INTO instance_domains (instance_id, domain, is_generated, is_primary, created_at)
       SELECT instance_id, generated_domain, true, false, reserved_at FROM fleet
       UNION ALL SELECT instance_id, custom_domain, false, true, reserved_at FROM fleet`,
      [],
    ],
    [
      `INSERT INTO orgs (instance_id, id, name, created_at, updated_at) SELECT instance_id, org_id, name, at, at FROM fleet`,
      [],
    ],
    [
      `INSERT INTO users (instance_id, id, kind, name, display_name, email, email_verified, first_name, last_name,
                          preferred_language, password_hash, password_change_required, status, created_at, updated_at)
       SELECT instance_id, human_id, 'human', human_name, 'Alice Admin', human_name || '@fleet.example', true, 'Alice', 'Admin',
              'en', $1, false, 'active', at, at FROM fleet
       UNION ALL
       SELECT instance_id, machine_id, 'machine', machine_name, 'Provisioning robot', NULL, false, '', '',
              'en', NULL, false, 'active', at, at FROM fleet`,
      [o.passwordHash],
    ],
    [
      `INSERT INTO org_members (instance_id, org_id, user_id, role, created_at)
       SELECT instance_id, org_id, human_id, 'owner', at FROM fleet UNION ALL SELECT instance_id, org_id, machine_id, 'owner', at FROM fleet`,
      [],
    ],
    [
      `INSERT INTO instance_members (instance_id, user_id, role, created_at)
       SELECT instance_id, human_id, 'owner', at FROM fleet UNION ALL SELECT instance_id, machine_id, 'owner', at FROM fleet`,
      [],
    ],
    [
      `INSERT INTO tokens (instance_id, id, user_id, org_id, kind, digest, description, status, permissions, expires_at, created_at, updated_at)
       SELECT instance_id, token_id, machine_id, org_id, 'pat', encode(sha256(convert_to(pat, 'UTF8')), 'hex'),
              'personal access token of ' || machine_name, 'active', $1::jsonb, $2, at, at FROM fleet`,
      [JSON.stringify(operatorPermissions()), PAT_EXPIRY],
    ],
    [
      `INSERT INTO machine_keys (instance_id, id, user_id, type, public_key_pem, expires_at, created_at)
       SELECT instance_id, key_id, machine_id, 'KEY_TYPE_JSON', $1, $2, at FROM fleet`,
      [o.publicKeyPem, PAT_EXPIRY],
    ],
    [
      `INSERT INTO buckets (instance_id, id, org_id, name, type, retention_seconds, shard_group_duration_seconds, created_at, updated_at)
       SELECT f.instance_id, ${bucketId}, f.org_id, t.name, t.type, t.retention, t.shard, f.at, f.at FROM fleet f CROSS JOIN ${buckets}`,
      [],
    ],
    // The events of a commit, in its order, so that each instance's sequences ascend as the service's do.
    [
      `INSERT INTO events (instance_id, aggregate_type, aggregate_id, event_type, payload, resource_owner, created_at)
       SELECT instance_id, aggregate_type, aggregate_id, event_type, payload, resource_owner, at FROM (
         SELECT f.n, 0 AS ord, f.instance_id, 'instance' AS aggregate_type, f.instance_id AS aggregate_id, 'instance.added' AS event_type,
                jsonb_build_object('name', f.name, 'defaultLanguage', 'en') AS payload, f.instance_id AS resource_owner, f.at FROM fleet f
         UNION ALL SELECT f.n, 1, f.instance_id, 'org', f.org_id, 'org.added', jsonb_build_object('name', f.name), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 2, f.instance_id, 'user', f.human_id, 'user.human.added', jsonb_build_object('userName', f.human_name), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 3, f.instance_id, 'user', f.machine_id, 'user.machine.added', jsonb_build_object('userName', f.machine_name), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 4, f.instance_id, 'member', f.human_id, 'member.owner.added', jsonb_build_object('orgId', f.org_id, 'instance', true), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 5, f.instance_id, 'member', f.machine_id, 'member.owner.added', jsonb_build_object('orgId', f.org_id, 'instance', true), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 6, f.instance_id, 'token', f.token_id, 'personal_access_token.added',
                          jsonb_build_object('userId', f.machine_id, 'expiresAt', $1::text), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 7, f.instance_id, 'machine_key', f.key_id, 'machine_key.added',
                          jsonb_build_object('type', 'KEY_TYPE_JSON', 'userId', f.machine_id, 'expiresAt', $1::text), f.org_id, f.at FROM fleet f
         UNION ALL SELECT f.n, 8 + t.ord, f.instance_id, 'bucket', ${bucketId}, 'bucket.added',
                          jsonb_build_object('name', t.name, 'retentionSeconds', t.retention), f.org_id, f.at FROM fleet f CROSS JOIN ${buckets}
         UNION ALL SELECT f.n, 20, f.instance_id, 'instance', f.instance_id, 'instance.running', '{}'::jsonb, f.instance_id, f.at FROM fleet f
       ) AS e ORDER BY n, ord`,
      ['2519-04-01T08:45:00.000Z'],
    ],
    [
      `INSERT INTO operations (id, instance_id, kind, state, created_by, request, completed_steps, total_steps, attempts, outcome,
                               created_at, started_at, finished_at, updated_at, step_starts)
       SELECT f.operation_id, f.instance_id, 'CREATE_INSTANCE', 'SUCCEEDED', $1,
              jsonb_build_object('instanceName', f.name, 'firstOrgName', f.name, 'customDomain', f.custom_domain, 'defaultLanguage', 'en',
                'human', jsonb_build_object('userName', f.human_name, 'email', f.human_name || '@fleet.example', 'isEmailVerified', true,
                  'firstName', 'Alice', 'lastName', 'Admin', 'preferredLanguage', 'en', 'hasPassword', true, 'passwordChangeRequired', false),
                'machine', jsonb_build_object('userName', f.machine_name, 'name', 'Provisioning robot',
                  'personalAccessToken', jsonb_build_object('expirationDate', $2::text),
                  'machineKey', jsonb_build_object('type', 'KEY_TYPE_JSON', 'expirationDate', $2::text))),
              4, 4, 1,
              jsonb_build_object('instanceId', f.instance_id, 'details', jsonb_build_object('sequence', s.last::text,
                'creationDate', ${iso('f.at')}, 'changeDate', ${iso('f.at')}, 'resourceOwner', f.instance_id)),
              f.reserved_at, f.reserved_at + interval '50 ms', f.at, f.at,
              jsonb_build_array(
                jsonb_build_object('name', 'GENERATE_MACHINE_KEY', 'startedAt', ${iso("f.reserved_at + interval '60 ms'")}),
                jsonb_build_object('name', 'HASH_PASSWORD', 'startedAt', ${iso("f.reserved_at + interval '300 ms'")}),
                jsonb_build_object('name', 'GENERATE_PERSONAL_ACCESS_TOKEN', 'startedAt', ${iso("f.reserved_at + interval '480 ms'")}),
                jsonb_build_object('name', 'WRITE_INSTANCE', 'startedAt', ${iso("f.reserved_at + interval '490 ms'")}))
         FROM fleet f JOIN (SELECT instance_id, max(sequence) AS last FROM events WHERE instance_id IN (SELECT instance_id FROM fleet)
                            GROUP BY instance_id) s USING (instance_id)`,
      [o.createdBy, '2519-04-01T08:45:00.000Z'],
    ],
    [
      `INSERT INTO outbox_events (id, type, instance_id, payload, created_at, dispatched_at)
       SELECT substr(md5(instance_id || ':created'), 1, 16), 'instance.created', instance_id,
              jsonb_build_object('instanceId', instance_id, 'operationId', operation_id), at, at + interval '60 ms' FROM fleet
       UNION ALL
       SELECT substr(md5(instance_id || ':finished'), 1, 16), 'operation.finished', instance_id,
              jsonb_build_object('kind', 'CREATE_INSTANCE', 'state', 'SUCCEEDED', 'instanceId', instance_id, 'operationId', operation_id),
              at, at + interval '60 ms' FROM fleet`,
      [],
    ],
  ];
}

/** The tables the fleet writes, for ANALYZE after seeding. */
export const FLEET_TABLES = [
  'instances',
  'instance_domains',
  'orgs',
  'users',
  'org_members',
  'instance_members',
  'tokens',
  'machine_keys',
  'buckets',
  'events',
  'operations',
  'outbox_events',
];

/** Writes `count` instances in one transaction on `ownerUrl`'s database, then ANALYZEs the tables. */
export async function seedFleet(ownerUrl: string, count: number, options: FleetOptions = {}): Promise<Fleet> {
  const seed = randomBytes(4).toString('hex');
  // One real argon2id hash and one real RSA public key, shared by the fleet: the same sizes as real rows.
  const passwordHash = await new Argon2PasswordHasher().hash(`Pw-fleet-${seed}-s3cret!`);
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const createdBy = options.createdBy ?? createHash('sha256').update(`fleet-${seed}`).digest('hex');
  const started = performance.now();
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(FLEET_TABLE, [seed, count, options.baseDomain ?? 'localhost']);
    for (const [sql, params] of statements({ passwordHash, publicKeyPem, createdBy })) await client.query(sql, params);
    await client.query('COMMIT');
    await client.query(`ANALYZE ${FLEET_TABLES.join(', ')}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return {
    seed,
    instances: count,
    seconds: (performance.now() - started) / 1000,
    patOf: (n) => fleetPat(seed, n),
  };
}
