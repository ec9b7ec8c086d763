/**
 * The SQL of the service's hot paths, COPIED from the repositories (named in `source`) rather than imported, so that
 * the plan check does not reach into repository internals: when a repository's query changes, change its copy here.
 * TypeORM's find/update calls are written out as the SQL TypeORM sends (the same WHERE and ORDER BY).
 *
 * Left out on purpose: scans that read every row by design (operations counted by kind and state for /metrics,
 * the System API's `_search` total without filters).
 */

/** Ids of one existing instance (and its rows) that the queries are asked about. */
export interface QuerySample {
  instanceId: string;
  orgId: string;
  userId: string;
  userName: string;
  bucketId: string;
  tokenDigest: string;
  domain: string;
  operationId: string;
  createdBy: string;
}

export interface HotQuery {
  name: string;
  source: string;
  sql: string;
  params: (s: QuerySample) => unknown[];
}

const R = 'libs/persistence/src/repositories/';
const UNFINISHED = ['PENDING', 'RUNNING'];

const SELECT_BUCKETS = `
  SELECT b.id, b.org_id, b.name, b.description, b.type, b.retention_seconds, b.shard_group_duration_seconds, b.schema_type, b.rp,
         b.created_at, b.updated_at,
         (SELECT json_agg(json_build_object('id', l.id, 'orgId', l.org_id, 'name', l.name, 'properties', l.properties) ORDER BY l.name)
            FROM bucket_labels bl JOIN labels l ON l.instance_id = bl.instance_id AND l.id = bl.label_id
           WHERE bl.instance_id = b.instance_id AND bl.bucket_id = b.id) AS labels
    FROM buckets b`;

const SELECT_AUTHORIZATIONS = `
  SELECT t.id, t.kind, t.status, t.description, t.org_id, o.name AS org_name, t.user_id, u.name AS user_name, t.permissions,
         t.created_at, t.updated_at
    FROM tokens t
    JOIN orgs o ON o.instance_id = t.instance_id AND o.id = t.org_id
    JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
   WHERE t.instance_id = $1 AND t.kind IN ('authorization', 'pat')`;

export const HOT_QUERIES: HotQuery[] = [
  {
    name: 'token by digest (every tenant request with a token)',
    source: `${R}typeorm-tenant-auth.repository.ts findTokenByDigest`,
    sql: `SELECT t.instance_id, t.id, t.kind, t.status, t.expires_at, t.permissions, u.id AS user_id, u.name AS user_name, u.status AS user_status
            FROM tokens t JOIN users u ON u.instance_id = t.instance_id AND u.id = t.user_id
           WHERE t.digest = $1`,
    params: (s) => [s.tokenDigest],
  },
  {
    name: 'instance by host (every tenant request)',
    source: `${R}typeorm-tenant-auth.repository.ts findInstanceByHost`,
    sql: `SELECT i.id, i.state, i.is_default, i.blocked FROM instance_domains d JOIN instances i ON i.id = d.instance_id WHERE d.domain = $1`,
    params: (s) => [s.domain],
  },
  {
    name: 'instance by id (tenant route, get instance)',
    source: `${R}typeorm-tenant-auth.repository.ts findInstanceById, typeorm-instance.repository.ts findById`,
    sql: `SELECT * FROM instances WHERE id = $1 LIMIT 1`,
    params: (s) => [s.instanceId],
  },
  {
    name: 'domains of an instance (get instance)',
    source: `${R}typeorm-instance.repository.ts findById`,
    sql: `SELECT * FROM instance_domains WHERE instance_id = $1 ORDER BY created_at ASC, domain ASC`,
    params: (s) => [s.instanceId],
  },
  {
    name: 'details of an aggregate (get instance, org, bucket, ...)',
    source: `${R}aggregate-details.ts aggregateDetails`,
    sql: `SELECT max(sequence)::text AS sequence, min(created_at) AS first, max(created_at) AS last,
                 (array_agg(resource_owner ORDER BY sequence DESC))[1] AS owner
            FROM events WHERE instance_id = $1 AND aggregate_type = $2 AND aggregate_id = $3`,
    params: (s) => [s.instanceId, 'instance', s.instanceId],
  },
  {
    name: 'domain exists (System API, reservations)',
    source: `${R}typeorm-instance-admin.repository.ts domainExists`,
    sql: `SELECT 1 FROM instance_domains WHERE domain = $1`,
    params: (s) => [s.domain],
  },
  {
    name: 'list buckets of the instance (GET /api/v2/buckets)',
    source: `${R}typeorm-bucket.repository.ts list`,
    sql: `${SELECT_BUCKETS} WHERE b.instance_id = $1 ORDER BY b.id ASC LIMIT $2 OFFSET $3`,
    params: (s) => [s.instanceId, 20, 0],
  },
  {
    name: 'list buckets of an org (GET /api/v2/buckets?orgID=)',
    source: `${R}typeorm-bucket.repository.ts list`,
    sql: `${SELECT_BUCKETS} WHERE b.instance_id = $1 AND b.org_id = $2 ORDER BY b.id ASC LIMIT $3 OFFSET $4`,
    params: (s) => [s.instanceId, s.orgId, 20, 0],
  },
  {
    name: 'bucket by id',
    source: `${R}typeorm-bucket.repository.ts findWith`,
    sql: `${SELECT_BUCKETS} WHERE b.instance_id = $1 AND b.id = $2`,
    params: (s) => [s.instanceId, s.bucketId],
  },
  {
    name: 'list orgs (GET /api/v2/orgs)',
    source: `${R}typeorm-org.repository.ts list`,
    sql: `SELECT o.id, o.name, o.description, o.created_at, o.updated_at FROM orgs o WHERE o.instance_id = $1
           ORDER BY o.id ASC LIMIT $2 OFFSET $3`,
    params: (s) => [s.instanceId, 20, 0],
  },
  {
    name: 'list users (GET /api/v2/users)',
    source: `${R}typeorm-user.repository.ts list`,
    sql: `SELECT id, name, status FROM users
           WHERE instance_id = $1 AND ($2::boolean OR id = ANY($3)) AND ($4::text IS NULL OR id = $4) AND ($5::text IS NULL OR name = $5)
             AND ($6::text IS NULL OR id > $6)
           ORDER BY id LIMIT $7 OFFSET $8`,
    params: (s) => [s.instanceId, true, [], null, null, null, 20, 0],
  },
  {
    name: 'user credentials by name (sign-in, password checks)',
    source: `${R}typeorm-user.repository.ts findCredentials`,
    sql: `SELECT id, name, status, password_hash FROM users WHERE instance_id = $1 AND lower(name) = lower($2)`,
    params: (s) => [s.instanceId, s.userName],
  },
  {
    name: 'session permissions: instance owner',
    source: `${R}typeorm-tenant-auth.repository.ts sessionPermissions`,
    sql: `SELECT 1 FROM instance_members WHERE instance_id = $1 AND user_id = $2 AND role = 'owner'`,
    params: (s) => [s.instanceId, s.userId],
  },
  {
    name: 'session permissions: org memberships of a user',
    source: `${R}typeorm-tenant-auth.repository.ts sessionPermissions`,
    sql: `SELECT org_id, role FROM org_members WHERE instance_id = $1 AND user_id = $2`,
    params: (s) => [s.instanceId, s.userId],
  },
  {
    name: 'session permissions: bucket roles of a user',
    source: `${R}typeorm-tenant-auth.repository.ts sessionPermissions`,
    sql: `SELECT m.bucket_id, b.org_id, m.role FROM bucket_members m JOIN buckets b ON b.instance_id = m.instance_id AND b.id = m.bucket_id
           WHERE m.instance_id = $1 AND m.user_id = $2`,
    params: (s) => [s.instanceId, s.userId],
  },
  {
    name: 'list authorizations (GET /api/v2/authorizations)',
    source: `${R}typeorm-authorization.repository.ts list`,
    sql: `${SELECT_AUTHORIZATIONS} ORDER BY t.id`,
    params: (s) => [s.instanceId],
  },
  {
    name: 'operation by id (GET operation, _wait, the worker)',
    source: `${R}typeorm-operation.repository.ts findById`,
    sql: `SELECT * FROM operations WHERE id = $1 LIMIT 1`,
    params: (s) => [s.operationId],
  },
  {
    name: 'operation locked for its commit',
    source: `${R}finish-unsuccessfully.ts lockOperation`,
    sql: `SELECT * FROM operations WHERE id = $1 LIMIT 1 FOR UPDATE`,
    params: (s) => [s.operationId],
  },
  {
    name: 'operation marked running',
    source: `${R}typeorm-operation.repository.ts markRunning`,
    sql: `UPDATE operations SET state = 'RUNNING', attempts = attempts + 1, started_at = COALESCE(started_at, $2), updated_at = $2
           WHERE id = $1 AND state IN ('PENDING', 'RUNNING')`,
    params: (s) => [s.operationId, new Date()],
  },
  {
    name: 'instance set running at commit',
    source: `${R}typeorm-provisioning.store.ts commit`,
    sql: `UPDATE instances SET state = 'STATE_RUNNING', updated_at = $2 WHERE id = $1 AND state = 'STATE_CREATING'`,
    params: (s) => [s.instanceId, new Date()],
  },
  {
    name: 'pending creates of a caller (every _create)',
    source: 'migrations/1763908000000-pending-creates-function.ts admit_pending_create',
    sql: `SELECT count(*)::int AS count FROM operations WHERE created_by = $1 AND kind = $2 AND state = ANY($3) AND id <> $4`,
    params: (s) => [s.createdBy, 'CREATE_INSTANCE', UNFINISHED, s.instanceId],
  },
  {
    name: 'pending setups of an instance (tenant setup)',
    source: `${R}pending-work.ts pendingSetupsOf`,
    sql: `SELECT count(*)::int AS count FROM operations WHERE instance_id = $1 AND kind = ANY($2) AND state = ANY($3)`,
    params: (s) => [s.instanceId, ['SETUP_INSTANCE', 'SETUP_USER'], UNFINISHED],
  },
  {
    name: 'operations of an instance, newest first',
    source: `${R}typeorm-operation.repository.ts list`,
    sql: `SELECT * FROM operations o WHERE o.instance_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2`,
    params: (s) => [s.instanceId, 100],
  },
  {
    name: 'operations, newest first (GET /system/v1/operations)',
    source: `${R}typeorm-operation.repository.ts list`,
    sql: `SELECT * FROM operations o ORDER BY o.created_at DESC, o.id DESC LIMIT $1`,
    params: () => [100],
  },
  {
    name: 'expired operation secrets (the sweep)',
    source: `${R}typeorm-operation.repository.ts eraseExpiredSecrets`,
    sql: `UPDATE operations SET sealed_secrets = NULL, secrets_expire_at = NULL, updated_at = $1
           WHERE sealed_secrets IS NOT NULL AND secrets_expire_at <= $1`,
    params: () => [new Date()],
  },
  {
    name: 'finished operations past retention (pruning)',
    source: `${R}typeorm-operation.repository.ts pruneFinished`,
    sql: `DELETE FROM operations WHERE finished_at < $1`,
    params: () => [new Date(Date.now() - 31 * 24 * 3600 * 1000)],
  },
  {
    name: 'undispatched outbox events (the webhook relay)',
    source: `${R}typeorm-webhook-delivery.store.ts relay`,
    sql: `SELECT id, type, payload, created_at FROM outbox_events WHERE dispatched_at IS NULL
           ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    params: () => [100],
  },
];
