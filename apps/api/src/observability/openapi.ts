import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI 3 document of every route at `/openapi.json`, browsable at `/docs`. The tenant API's request and
 * response shapes are InfluxDB's: see its official contract; the System API's are ZITADEL's (README.md).
 */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Instance provisioner')
    .setDescription('System API (ZITADEL-style, /system/v1) and tenant API (InfluxDB v2 compatible, /api/v2)')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'System API token or system user JWT' }, 'system')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'Token <InfluxDB token>' }, 'tenant')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
