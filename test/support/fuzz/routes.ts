import { type INestApplication } from '@nestjs/common';

export interface AppRoute {
  method: string;
  /** Express path with `:params`, e.g. `/api/v2/buckets/:bucketID`. */
  path: string;
  params: string[];
}

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
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all') continue;
      routes.push({ method: method.toUpperCase(), path, params });
    }
  }
  return routes;
}
