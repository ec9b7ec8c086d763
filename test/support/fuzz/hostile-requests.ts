import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

import fc from 'fast-check';

import { headerText, hostileJson, hostileObject, hostileString, percentEncode } from './hostile-values';
import { type RouteFields } from './route-fields';
import { type AppRoute } from './routes';
import { typedObject, typedQuery } from './typed-values';

type Headers = Record<string, string | string[]>;

export interface HostileRequest {
  method: string;
  path: string;
  headers: Headers;
  body?: Buffer;
}

export interface FuzzContext {
  /** DTO field names: keys of bodies and query strings; each route's own are preferred. */
  fields: string[];
  routeFields: RouteFields;
  /** Credentials that work on each surface, and a tenant's Host. */
  systemAuth: string;
  tenantAuth: string;
  tenantHost: string;
  /** Real ids by path parameter name, so that hostile bodies reach handlers; never used with DELETE. */
  realIds: Record<string, string[]>;
}

const ODD_PARAMS = [
  '%00',
  '%ff',
  '%E0%A4%A',
  '%ED%A0%80',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '-1',
  '0',
  '99999999999999999999',
  'null',
  '%20',
  '_search',
  '_create',
  percentEncode('🚀'),
  'x'.repeat(5000),
  'A'.repeat(16),
  'ffffffffffffffff',
  '0000000000000000',
  "'%20OR%201=1",
];

function pathParam(route: AppRoute, name: string, ctx: FuzzContext): fc.Arbitrary<string> {
  const real = route.method !== 'DELETE' ? (ctx.realIds[name] ?? []) : [];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ODD_PARAMS) },
    { weight: 2, arbitrary: hostileString.filter((s) => s.length > 0).map(percentEncode) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }) },
    ...(real.length ? [{ weight: 8, arbitrary: fc.constantFrom(...real) }] : []),
  );
}

const ODD_QUERY_VALUES = [
  '%00',
  '%ff',
  '99999999999999999999',
  '-1',
  '1e3',
  '0x10',
  '',
  'true',
  'a[b]',
  '5m',
  '999999m',
  '1000001',
];

type Own = {
  body: string[];
  query: string[];
  bodyDto?: new (...args: unknown[]) => object;
  queryDto?: new (...args: unknown[]) => object;
};

function query(ctx: FuzzContext, own: Own): fc.Arbitrary<string> {
  const typed = own.queryDto
    ? [{ weight: 3, arbitrary: typedQuery(own.queryDto, percentEncode).map((q) => (q ? `?${q}` : '')) }]
    : [];
  return fc.oneof(...typed, { weight: 2, arbitrary: hostileQuery(ctx, own.query) });
}

function hostileQuery(ctx: FuzzContext, own: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(own.length ? own : ctx.fields)) },
    { weight: 1, arbitrary: fc.constantFrom(...ctx.fields) },
    { weight: 1, arbitrary: fc.constantFrom('a[b][c][d][e][f][g]', '%ff', 'x%00', '__proto__') },
  );
  const value = fc.oneof(fc.constantFrom(...ODD_QUERY_VALUES), hostileString.map(percentEncode));
  return fc
    .array(fc.tuple(key, value), { maxLength: 5 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16le',
  'application/json; charset=',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  '*/*',
  'a/b/c;;;',
];

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

function bodyText(ctx: FuzzContext, own: Own): fc.Arbitrary<string> {
  const typed = own.bodyDto ? [{ weight: 12, arbitrary: typedObject(own.bodyDto).map((o) => JSON.stringify(o)) }] : [];
  return fc.oneof(
    ...typed,
    { weight: 8, arbitrary: hostileObject(ctx.fields, own.body).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: hostileJson(ctx.fields).map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(60, 65, 3000, 50_000).map((d) => (d % 2 ? nested(d) : '['.repeat(d) + ']'.repeat(d))),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('{', '{"a":', '[1,]', 'a=%00&b[c]=%ff', '--x\r\n\r\n--x--'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(1001, 20_000)
        .map((n) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])))),
    },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ name: 'x'.repeat(1_100_000) })) },
  );
}

const ENCODINGS: Record<string, (b: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  br: brotliCompressSync,
};

function encodedBody(ctx: FuzzContext, own: Own): fc.Arbitrary<{ body?: Buffer; headers: Headers }> {
  const encoding = fc.oneof(
    { weight: 8, arbitrary: fc.constant('none') },
    fc.constantFrom('gzip', 'deflate', 'br', 'corrupt gzip', 'corrupt br', 'compress', 'gzip, br', 'GZIP'),
  );
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    { weight: 4, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...CONTENT_TYPES), { minLength: 2, maxLength: 2 }) },
  );
  return fc.tuple(fc.option(bodyText(ctx, own), { freq: 5 }), contentType, encoding).map(([text, type, enc]) => {
    const headers: Headers = { 'content-type': type };
    if (text === null) return { headers };
    let body: Buffer = Buffer.from(text, 'utf8');
    if (enc !== 'none') headers['content-encoding'] = enc.replace('corrupt ', '');
    if (ENCODINGS[enc]) body = ENCODINGS[enc](body);
    // Node's client frames a GET or DELETE body only with an explicit length; without it the server would read the
    // body as the next request.
    headers['content-length'] = String(body.length);
    return { body, headers };
  });
}

function authHeaders(route: AppRoute, ctx: FuzzContext): fc.Arbitrary<Headers> {
  const valid = route.path.startsWith('/system/') ? ctx.systemAuth : ctx.tenantAuth;
  const other = route.path.startsWith('/system/') ? ctx.tenantAuth : ctx.systemAuth;
  const fixed = (headers: Headers): fc.Arbitrary<Headers> => fc.constant(headers);
  const text = (make: (t: string) => Headers): fc.Arbitrary<Headers> => headerText.map(make);
  return fc.oneof(
    { weight: 10, arbitrary: fixed({ authorization: valid }) },
    { weight: 2, arbitrary: fixed({}) },
    { weight: 1, arbitrary: fixed({ authorization: other }) },
    { weight: 1, arbitrary: fixed({ authorization: [valid, 'Bearer nope'] }) },
    { weight: 1, arbitrary: text((t) => ({ authorization: t })) },
    { weight: 1, arbitrary: text((t) => ({ authorization: `Basic ${Buffer.from(t).toString('base64')}` })) },
    { weight: 1, arbitrary: text((t) => ({ cookie: `influxdb-oss-session=${t}` })) },
  );
}

const ODD_HEADERS = [
  'idempotency-key',
  'prefer',
  'x-request-id',
  'traceparent',
  'zap-trace-span',
  'x-operation-claim',
  'accept',
  'x-forwarded-host',
  'host',
];

function oddHeaders(ctx: FuzzContext): fc.Arbitrary<Headers> {
  const value = fc.oneof(
    headerText,
    fc.constantFrom(
      'respond-async',
      ctx.tenantHost,
      'text/event-stream',
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    ),
  );
  return fc.dictionary(
    fc.constantFrom(...ODD_HEADERS),
    fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })),
    { maxKeys: 3 },
  );
}

const PARTS = ['params', 'query', 'auth', 'headers', 'payload'] as const;

/** The parts of a request as a well-behaved client sends them, with the body's values still hostile. */
function wellFormed(route: AppRoute, ctx: FuzzContext, own: Own) {
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 });
  const real = (name: string) =>
    route.method !== 'DELETE' && ctx.realIds[name]?.length ? fc.constantFrom(...ctx.realIds[name]) : hex;
  const json = (text: string) => ({
    body: Buffer.from(text),
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
  });
  return {
    params: fc.tuple(...route.params.map(real)),
    query: own.queryDto ? typedQuery(own.queryDto, percentEncode).map((q) => (q ? `?${q}` : '')) : fc.constant(''),
    auth: fc.constant<Headers>({ authorization: route.path.startsWith('/system/') ? ctx.systemAuth : ctx.tenantAuth }),
    headers: fc.constant<Headers>({}),
    payload: own.bodyDto ? typedObject(own.bodyDto).map((o) => json(JSON.stringify(o))) : fc.constant({ headers: {} }),
  };
}

/**
 * One hostile request for `route`: path parameters, query, headers, credentials, body, content type and encoding.
 * A third are hostile in every part; the others in their body's values and in at most two parts, the rest well
 * formed, so that many get past authentication and parsing and the handlers, their rules and PostgreSQL see the
 * hostile values too.
 */
export function hostileRequest(route: AppRoute, ctx: FuzzContext): fc.Arbitrary<HostileRequest> {
  const own = ctx.routeFields.get(`${route.method} ${route.path}`) ?? { body: [], query: [] };
  const hostile = {
    params: fc.tuple(...route.params.map((p) => pathParam(route, p, ctx))),
    query: query(ctx, own),
    auth: authHeaders(route, ctx),
    headers: oddHeaders(ctx),
    payload: encodedBody(ctx, own),
  };
  const calm = wellFormed(route, ctx, own);
  const focus = fc.oneof(
    { weight: 1, arbitrary: fc.constant([...PARTS]) },
    { weight: 2, arbitrary: fc.subarray([...PARTS], { maxLength: 2 }) },
  );
  const parts = focus.chain((chosen) => {
    const pick = <K extends (typeof PARTS)[number]>(k: K) => (chosen.includes(k) ? hostile[k] : calm[k]);
    return fc.record({
      params: pick('params'),
      query: pick('query'),
      auth: pick('auth'),
      odd: pick('headers'),
      payload: pick('payload'),
    });
  });
  return parts.map(({ params: values, query: q, auth, odd, payload }) => {
    let path = route.path;
    route.params.forEach((name, i) => (path = path.replace(`:${name}`, values[i])));
    // One Host only: Node's client refuses to send two.
    const host = Array.isArray(odd.host) ? odd.host[0] : odd.host;
    // A connection per request, so that every answer belongs to the request that caused it.
    const headers: Headers = {
      ...odd,
      ...(host !== undefined ? { host } : {}),
      ...auth,
      ...payload.headers,
      connection: 'close',
    };
    return { method: route.method, path: path + q, headers, body: payload.body };
  });
}
