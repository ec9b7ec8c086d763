import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import metadata from '../../metadata';
import { INFLUXDB_SCHEMAS } from './influxdb-schemas';
import { ROUTE_ANSWERS } from './route-answers';
import { applySurfaceConventions } from './surface-conventions';
import { SYSTEM_SCHEMAS } from './system-schemas';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI 3 document of every route. Request schemas come from the DTO classes through the committed plugin
 * metadata (`npm run openapi:metadata`); answers, security and errors from the route table and each surface.
 */
export async function buildOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(metadata);
  const config = new DocumentBuilder()
    .setTitle('Instance provisioner')
    .setDescription(
      'System API (ZITADEL-style, /system/v1) and tenant API (InfluxDB v2 compatible, /api/v2). ' +
        'Some InfluxDB links (/api/v2/write, /tasks, /dashboards, org secrets and labels) name routes this service does not serve: they answer 404.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'System API token or system user JWT' }, 'system')
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: '`Token <InfluxDB token>` (or `Bearer <token>`)',
      },
      'tenant',
    )
    .addCookieAuth(
      'influxdb-oss-session',
      { type: 'apiKey', in: 'cookie', description: 'Session from POST /api/v2/signin' },
      'session',
    )
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'User name and password' }, 'basic')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...INFLUXDB_SCHEMAS, ...SYSTEM_SCHEMAS },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = `${method.toUpperCase()} ${path}`;
      applySurfaceConventions(route, path, operation, ROUTE_ANSWERS[route]);
    }
  }
  return document;
}
