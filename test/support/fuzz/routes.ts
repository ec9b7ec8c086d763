import { type INestApplication } from '@nestjs/common';

export interface AppRoute {
  method: string;
  /** Express path with `:params`, e.g. `/api/v2/buckets/:bucketID`. */
  path: string;
  params: string[];
  /** Registered with @All(): Nest's metadata names it `ALL <path>`. */
  catchAll?: boolean;
}

const CATCH_ALL_THRESHOLD = 10;
const CATCH_ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The key of a route in Nest's metadata (see route-fields.ts). */
export const metadataKey = (route: AppRoute): string => `${route.catchAll ? 'ALL' : route.method} ${route.path}`;

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route of both surfaces (System API and tenant API), read from the running app's Express router, so that a
 * route added later is fuzzed without a change here.
 */
export function apiRoutes(app: INestApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance();
  const stack: RouterLayer[] = (express.router ?? express._router).stack;
  const routes: AppRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const { path } = layer.route;
    if (!path.startsWith('/api/') && !path.startsWith('/system/')) continue;
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
    // An @All() route (the catch-alls for unserved InfluxDB routes and unimplemented ZITADEL methods) lists every
    // HTTP method Express knows: fuzz it as ALL, with the methods a client would send.
    if (methods.length > CATCH_ALL_THRESHOLD) {
      for (const method of CATCH_ALL_METHODS) routes.push({ method, path, params, catchAll: true });
      continue;
    }
    for (const method of methods) routes.push({ method: method.toUpperCase(), path, params });
  }
  return routes;
}
