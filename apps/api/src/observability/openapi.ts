import { type INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';

import { buildOpenApiDocument } from './openapi/document';

/**
 * The OpenAPI 3 document of every route at `/openapi.json` (and `.yaml`), browsable at `/docs`. The tenant API's
 * answers are InfluxDB's (its official contract); the System API's are ZITADEL's (README.md).
 */
export async function serveOpenApi(app: INestApplication): Promise<void> {
  const document = await buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}
