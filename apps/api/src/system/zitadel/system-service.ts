import { sep } from 'node:path';

import { type DescMethod, getOption } from '@bufbuild/protobuf';

type SystemPb = typeof import('@zitadel/proto/zitadel/system_pb');
type AnnotationsPb = typeof import('@zitadel/proto/google/api/annotations_pb');

/**
 * @zitadel/proto ships its CommonJS build inside a `"type": "module"` package, so Node (unlike jest's loader)
 * reads those files as ES modules and fails; Node 20.19+ can require() the package's ES build instead.
 */
export function loadZitadelProto<T>(subpath: string): T {
  const name = `@zitadel/proto/${subpath}`;
  try {
    return require(name) as T;
  } catch {
    return require(require.resolve(name).replace(`${sep}cjs${sep}`, `${sep}es${sep}`)) as T;
  }
}

let loaded: { service: SystemPb['SystemService']; http: AnnotationsPb['http'] } | undefined;

/** `zitadel.system.v1.SystemService` and the `google.api.http` option, loaded once. */
export function zitadelSystemService() {
  loaded ??= {
    service: loadZitadelProto<SystemPb>('zitadel/system_pb').SystemService,
    http: loadZitadelProto<AnnotationsPb>('google/api/annotations_pb').http,
  };
  return loaded;
}

/** One method of SystemService with its REST route under /system/v1 (grpc-gateway's binding). */
export interface SystemRoute {
  readonly method: DescMethod;
  /** HTTP verb in capitals. */
  readonly verb: string;
  /** The route as ZITADEL documents it, e.g. `/system/v1/instances/{instance_id}`. */
  readonly template: string;
  /** `*` when the whole body is the request message, '' when there is none. */
  readonly body: string;
  readonly pattern: RegExp;
}

const PREFIX = '/system/v1';
let routes: SystemRoute[] | undefined;

/** Every SystemService method with its REST route, from the descriptors (a new method is listed automatically). */
export function systemRoutes(): readonly SystemRoute[] {
  if (routes) return routes;
  const { service, http } = zitadelSystemService();
  routes = service.methods.flatMap((method): SystemRoute[] => {
    const rule = getOption(method, http);
    if (rule.pattern.case === undefined || rule.pattern.case === 'custom') return [];
    const template = `${PREFIX}${rule.pattern.value}`;
    const regex = template
      .split('/')
      .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return [
      { method, verb: rule.pattern.case.toUpperCase(), template, body: rule.body, pattern: new RegExp(`^${regex}/?$`) },
    ];
  });
  return routes;
}

/** The SystemService method a request addresses, if any. */
export function systemRouteOf(verb: string, path: string): SystemRoute | undefined {
  return systemRoutes().find((r) => r.verb === verb.toUpperCase() && r.pattern.test(path));
}
