import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { parse as parseYaml } from 'yaml';

/**
 * Response validation against the official InfluxDB v2 OpenAPI contracts (oss.yml, cloud.yml).
 *
 * The contracts are OpenAPI 3.0: their schemas are converted to JSON Schema for ajv (nullable, relative `uri`
 * links, custom formats, implicit object types) and compiled lazily, once per (contract, method, path, status).
 */

export type Contract = 'oss' | 'cloud';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Where the components live for ajv; response schemas reference them as `${componentsId(contract)}#/components/schemas/X`. */
const componentsId = (contract: Contract): string => `https://contracts.invalid/influxdb/${contract}.json`;
const MAX_LISTED_ERRORS = 25;
const MAX_BODY_CHARS = 600;

// ---------------------------------------------------------------------------------------------------------------
// Loading: the YAML is parsed once per process per contract; a JSON copy in node_modules/.cache (keyed by the file's
// hash) spares the other jest test files, which get their own module registry, the ~1 s YAML parse.

/** Directory of oss.yml and cloud.yml, vendored in the repository (see its README for the upstream source). */
function contractsDir(): string {
  return path.resolve(__dirname, '../contracts/influxdb');
}

const documents = new Map<Contract, JsonObject>();

function loadDocument(contract: Contract): JsonObject {
  const cached = documents.get(contract);
  if (cached) return cached;
  const file = path.join(contractsDir(), `${contract}.yml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`InfluxDB ${contract} contract not readable at ${file}: ${(error as Error).message}`);
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 24);
  const cacheFile = path.resolve(
    __dirname,
    '../../node_modules/.cache/influxdb-openapi-contracts',
    `${contract}-${hash}.json`,
  );
  let document: JsonObject | undefined;
  try {
    const fromCache: unknown = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (isObject(fromCache) && isObject(fromCache.paths)) document = fromCache;
  } catch {
    /* no usable cache: parse the YAML */
  }
  if (!document) {
    const parsed: unknown = parseYaml(text, { maxAliasCount: -1 });
    if (!isObject(parsed) || !isObject(parsed.paths)) throw new Error(`${file} is not an OpenAPI document (no paths)`);
    document = parsed;
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(document));
      renameSync(partial, cacheFile);
    } catch {
      /* the cache is an optimisation only */
    }
  }
  documents.set(contract, document);
  return document;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Paths: full templates ('/api/v2/users/{userID}') from server url + path key, per operation.

interface Operation {
  method: string;
  key: string;
  responses: JsonObject;
}

interface PathIndex {
  /** normalised full template -> method -> operation */
  templates: Map<string, Map<string, Operation>>;
  matchers: { template: string; segments: (string | null)[] }[];
}

const pathIndexes = new Map<Contract, PathIndex>();

function normalisePath(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function serverPath(servers: Json | undefined): string | undefined {
  if (!Array.isArray(servers) || servers.length === 0 || !isObject(servers[0])) return undefined;
  const url = servers[0].url;
  if (typeof url !== 'string') return undefined;
  // Absolute server urls ('https://host/api/v2') contribute their path only.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url;
}

function pathIndex(contract: Contract): PathIndex {
  const cached = pathIndexes.get(contract);
  if (cached) return cached;
  const document = loadDocument(contract);
  const rootServer = serverPath(document.servers) ?? '';
  const templates = new Map<string, Map<string, Operation>>();
  for (const [key, item] of Object.entries(document.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const server = serverPath(operation.servers) ?? serverPath(item.servers) ?? rootServer;
      const template = normalisePath(normalisePath(server) === '/' ? key : `${normalisePath(server)}${key}`);
      const byMethod = templates.get(template) ?? new Map<string, Operation>();
      byMethod.set(method, { method, key, responses: isObject(operation.responses) ? operation.responses : {} });
      templates.set(template, byMethod);
    }
  }
  const matchers = [...templates.keys()].map((template) => ({
    template,
    segments: template.split('/').map((segment) => (/^\{[^}]+\}$/.test(segment) ? null : segment)),
  }));
  const index = { templates, matchers };
  pathIndexes.set(contract, index);
  return index;
}

function pathOf(concretePath: string): string {
  return normalisePath(new URL(concretePath, 'http://contract.invalid').pathname);
}

/** Finds the path template of the contract that matches a concrete path ('/api/v2/users/0123456789abcdef' -> '/api/v2/users/{userID}'). */
export function pathTemplateFor(contract: Contract, concretePath: string): string {
  const segments = pathOf(concretePath).split('/');
  let best: { template: string; segments: (string | null)[] } | undefined;
  for (const candidate of pathIndex(contract).matchers) {
    if (candidate.segments.length !== segments.length) continue;
    if (!candidate.segments.every((literal, i) => (literal === null ? segments[i] !== '' : literal === segments[i])))
      continue;
    // '/orgs/{orgID}/secrets/delete' beats '/orgs/{orgID}/secrets/{secretID}': the first literal segment wins.
    if (!best || moreSpecific(candidate.segments, best.segments)) best = candidate;
  }
  if (!best) throw new Error(`No path of the InfluxDB ${contract} contract matches ${concretePath}`);
  return best.template;
}

function moreSpecific(a: (string | null)[], b: (string | null)[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] === null) !== (b[i] === null)) return a[i] !== null;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas: OpenAPI 3.0 -> JSON Schema (draft-07) for ajv.

/** Keywords that only document; dropped so ajv never sees them (strict mode is off anyway). */
const DROPPED_KEYWORDS = new Set([
  'example',
  'examples',
  'externalDocs',
  'xml',
  'discriminator',
  'deprecated',
  'nullable',
]);
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_KEYWORDS = ['not', 'additionalProperties', 'items', 'additionalItems', 'contains', 'propertyNames'];

/**
 * Converts one OpenAPI schema: `nullable: true` admits null, `$ref`s point into the components schema by its $id,
 * annotation-only keywords are dropped, and a schema with properties/required but no type is made an object
 * (OpenAPI writers mean an object; JSON Schema would accept a string or a number there).
 */
function toJsonSchema(contract: Contract, schema: Json): Json {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/') ? `${componentsId(contract)}${value}` : value;
    } else if (keyword === 'required' && !Array.isArray(value)) {
      // Swagger 2 style `required: true` on a property schema: hoisted into the parent's list below.
    } else if (SCHEMA_MAP_KEYWORDS.includes(keyword) && isObject(value)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(contract, sub)]),
      );
    } else if (SCHEMA_ARRAY_KEYWORDS.includes(keyword) && Array.isArray(value)) {
      out[keyword] = value.map((sub) => toJsonSchema(contract, sub));
    } else if (SCHEMA_KEYWORDS.includes(keyword)) {
      out[keyword] = Array.isArray(value)
        ? value.map((sub) => toJsonSchema(contract, sub))
        : toJsonSchema(contract, value);
    } else {
      out[keyword] = value;
    }
  }
  if (isObject(schema.properties)) {
    const hoisted = Object.entries(schema.properties)
      .filter(([, sub]) => isObject(sub) && sub.required === true)
      .map(([name]) => name);
    if (hoisted.length > 0)
      out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), ...hoisted])];
  }
  if (
    out.type === undefined &&
    out.$ref === undefined &&
    (out.properties !== undefined || out.required !== undefined || out.additionalProperties !== undefined)
  ) {
    out.type = 'object';
  }
  if (schema.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: 'null' }, out] };
}

const ajvs = new Map<Contract, Ajv>();

function ajvFor(contract: Contract): Ajv {
  const cached = ajvs.get(contract);
  if (cached) return cached;
  const document = loadDocument(contract);
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false, logger: false });
  addFormats(ajv);
  // InfluxDB links are relative ('/api/v2/users/1') though the contract says `format: uri`.
  ajv.addFormat('uri', fullFormats['uri-reference']);
  // Flux durations ('1h', '30m'), not ISO 8601 ones.
  ajv.addFormat('duration', true);
  for (const name of formatNames(document)) {
    if (!(name in fullFormats)) ajv.addFormat(name, true); // 'flux', 'unix timestamp', 'Go runtime profile', ...
  }
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  ajv.addSchema({
    $id: componentsId(contract),
    components: {
      schemas: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(contract, schema)]),
      ),
    },
  });
  ajvs.set(contract, ajv);
  return ajv;
}

function formatNames(node: Json, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => formatNames(child, names));
  else if (isObject(node)) {
    if (typeof node.format === 'string' && typeof node.type === 'string') names.add(node.format);
    Object.values(node).forEach((child) => formatNames(child, names));
  }
  return names;
}

/** Follows a local `$ref` ('#/components/responses/X') inside the document. */
function deref(contract: Contract, value: Json | undefined): Json | undefined {
  let current = value;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string'; depth++) {
    const ref = current.$ref;
    if (depth > 20 || !ref.startsWith('#/'))
      throw new Error(`Cannot follow $ref ${ref} in the InfluxDB ${contract} contract`);
    let target: Json | undefined = loadDocument(contract);
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (target === undefined) throw new Error(`Dangling $ref ${ref} in the InfluxDB ${contract} contract`);
    current = target;
  }
  return current;
}

/** 'none' for a response without any content (204 and the like): the body must then be empty. */
type ResponseValidator = { kind: 'none' } | { kind: 'json'; responseKey: string; validate: ValidateFunction };

const validators = new Map<string, ResponseValidator>();

function responseValidator(
  contract: Contract,
  method: string,
  pathTemplate: string,
  status: number,
): ResponseValidator & { responseKey: string } {
  const template = normalisePath(pathTemplate);
  const m = method.toLowerCase();
  const { templates } = pathIndex(contract);
  const byMethod = templates.get(template);
  if (!byMethod) {
    const hint = templates.has(normalisePath(`/api/v2${template}`)) ? ` (did you mean /api/v2${template}?)` : '';
    throw new Error(`The InfluxDB ${contract} contract has no path ${pathTemplate}${hint}`);
  }
  const operation = byMethod.get(m);
  if (!operation) {
    throw new Error(
      `The InfluxDB ${contract} contract has no ${method.toUpperCase()} ${pathTemplate} (only ${[...byMethod.keys()].map((x) => x.toUpperCase()).join(', ')})`,
    );
  }
  const rangeKey = `${String(status).charAt(0)}XX`;
  const responseKey = [String(status), rangeKey, rangeKey.toLowerCase(), 'default'].find(
    (k) => operation.responses[k] !== undefined,
  );
  const what = `${method.toUpperCase()} ${template} ${status}`;
  if (!responseKey) {
    throw new Error(
      `The InfluxDB ${contract} contract lists no response ${status} nor default for ${method.toUpperCase()} ${template} (has ${Object.keys(operation.responses).join(', ')})`,
    );
  }
  const cacheKey = `${contract} ${m} ${template} ${responseKey}`;
  const cached = validators.get(cacheKey);
  if (cached) return { ...cached, responseKey };

  const response = deref(contract, operation.responses[responseKey]);
  const content = isObject(response) && isObject(response.content) ? response.content : undefined;
  let validator: ResponseValidator;
  if (!content || Object.keys(content).length === 0) {
    validator = { kind: 'none' };
  } else {
    const mediaType = Object.keys(content).find((type) => /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type));
    const media = mediaType === undefined ? undefined : content[mediaType];
    const schema = isObject(media) ? media.schema : undefined;
    if (schema === undefined) {
      throw new Error(
        `The InfluxDB ${contract} contract has no JSON schema for ${what} (response '${responseKey}' content: ${Object.keys(content).join(', ')})`,
      );
    }
    try {
      validator = {
        kind: 'json',
        responseKey,
        validate: ajvFor(contract).compile(toJsonSchema(contract, schema) as JsonObject),
      };
    } catch (error) {
      throw new Error(`The ${contract} contract's schema for ${what} does not compile: ${(error as Error).message}`);
    }
  }
  validators.set(cacheKey, validator);
  return { ...validator, responseKey };
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function describeBody(body: unknown): string {
  if (body === undefined) return 'undefined';
  try {
    return truncate(JSON.stringify(body) ?? String(body), MAX_BODY_CHARS);
  } catch {
    return String(body);
  }
}

function describeError(error: ErrorObject): string {
  const pointer = error.instancePath === '' ? '(root)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = '';
  if (Array.isArray(params.allowedValues))
    detail = ` (allowed: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')})`;
  else if (typeof params.additionalProperty === 'string') detail = ` ('${params.additionalProperty}')`;
  const value =
    error.data === undefined ? '' : `, got ${truncate(JSON.stringify(error.data) ?? String(error.data), 80)}`;
  return `${pointer}: ${error.message ?? error.keyword}${detail}${value}`;
}

/**
 * Throws an Error listing every violation (JSON pointer + message) when `body` does not match the response schema
 * of `method` + `pathTemplate` (e.g. '/api/v2/users/{userID}') for `status` in the contract. Falls back to the
 * 'default' response when the status is not listed. Throws when the operation or a JSON schema for it does not exist.
 */
export function expectMatchesContract(
  contract: Contract,
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): void {
  const validator = responseValidator(contract, method, pathTemplate, status);
  const what = `${method.toUpperCase()} ${normalisePath(pathTemplate)} ${status}`;
  const via = validator.responseKey === String(status) ? '' : ` (checked against response '${validator.responseKey}')`;
  if (validator.kind === 'none') {
    if (body === undefined || body === '') return;
    throw new Error(
      `InfluxDB ${contract} contract violation: ${what}${via} has no content, but the body is ${describeBody(body)}`,
    );
  }
  if (validator.validate(body)) return;
  const lines = [...new Set((validator.validate.errors ?? []).map(describeError))];
  const shown = lines.slice(0, MAX_LISTED_ERRORS).map((line) => `  - ${line}`);
  if (lines.length > MAX_LISTED_ERRORS) shown.push(`  … and ${lines.length - MAX_LISTED_ERRORS} more`);
  throw new Error(
    `InfluxDB ${contract} contract violation: ${what}${via}, ${lines.length} error(s):\n${shown.join('\n')}\nbody: ${describeBody(body)}`,
  );
}

/** Convenience: validate a fetch-like answer {status, body} for a method and concrete URL path (query string ignored). */
export function expectResponseMatchesContract(
  contract: Contract,
  method: string,
  concretePath: string,
  answer: { status: number; body: unknown },
): void {
  expectMatchesContract(contract, method, pathTemplateFor(contract, concretePath), answer.status, answer.body);
}

/**
 * For error answers on operations whose contract lists no such status and no default (e.g. a 401 on GET /setup):
 * the body must still be an InfluxDB `Error`.
 */
export function expectMatchesErrorSchema(contract: Contract, body: unknown): void {
  const key = `${contract} component Error`;
  let validator = validators.get(key);
  if (!validator) {
    validator = {
      kind: 'json',
      responseKey: 'Error',
      validate: ajvFor(contract).compile(toJsonSchema(contract, { $ref: '#/components/schemas/Error' }) as JsonObject),
    };
    validators.set(key, validator);
  }
  if (validator.kind === 'json' && !validator.validate(body)) {
    throw new Error(
      `InfluxDB ${contract} Error schema violation: ${[...new Set((validator.validate.errors ?? []).map(describeError))].join('; ')}; body: ${describeBody(body)}`,
    );
  }
}
