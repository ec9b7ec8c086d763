import { type DescField, type DescMessage } from '@bufbuild/protobuf';
import type { NextFunction, Request, Response } from 'express';

import { systemRouteOf } from './system-service';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function normalizedValue(field: DescField, value: unknown): unknown {
  if (field.fieldKind === 'enum' && typeof value === 'number')
    return field.enum.values.find((v) => v.number === value)?.name ?? value;
  if (field.fieldKind === 'list' && Array.isArray(value)) {
    if (field.listKind === 'message')
      return value.map((item) => (isObject(item) ? normalizeMessage(field.message, item) : item));
    if (field.listKind === 'enum')
      return value.map((item) =>
        typeof item === 'number' ? (field.enum.values.find((v) => v.number === item)?.name ?? item) : item,
      );
  }
  if (field.fieldKind === 'message' && isObject(value) && !field.message.typeName.startsWith('google.protobuf.'))
    return normalizeMessage(field.message, value);
  return value;
}

/**
 * One spelling of a protojson request, as protojson parsers accept several: proto field names (`instance_name`)
 * become lowerCamel JSON names, and enum numbers become enum value names, recursively. Members the message does
 * not know (our extensions such as `includeStopped`) are kept as they are.
 */
export function normalizeMessage(desc: DescMessage, body: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(body)) {
    const field = desc.fields.find((f) => f.jsonName === key || f.name === key);
    if (!field) out[key] = value;
    else if (!(field.jsonName in out) || key === field.jsonName) out[field.jsonName] = normalizedValue(field, value);
  }
  return out;
}

/** Express middleware: normalizes the JSON body of every SystemService route before validation sees it. */
export function normalizeSystemRequests(request: Request, _response: Response, next: NextFunction): void {
  if (request.path.startsWith('/system/v1/') && isObject(request.body)) {
    const route = systemRouteOf(request.method, request.path);
    if (route?.body === '*') request.body = normalizeMessage(route.method.input, request.body);
  }
  next();
}
