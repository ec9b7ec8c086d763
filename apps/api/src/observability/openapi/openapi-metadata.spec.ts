import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

import {
  API_SOURCE_DIR,
  generatePluginMetadata,
  INFLUXDB_SCHEMAS_FILE,
  influxdbSchemasSource,
  repairInitializedProperties,
} from '../../../../../scripts/openapi-metadata';

/** The committed inputs of /openapi.json must be what `npm run openapi:metadata` makes of today's sources. */
describe('generated OpenAPI inputs', () => {
  it('apps/api/src/metadata.ts matches the DTOs (else run npm run openapi:metadata)', () => {
    const check = generatePluginMetadata(`.metadata-check-${process.pid}.ts`);
    try {
      expect(readFileSync(check, 'utf8')).toBe(readFileSync(path.join(API_SOURCE_DIR, 'metadata.ts'), 'utf8'));
    } finally {
      rmSync(check, { force: true });
    }
  }, 120_000);

  it('influxdb-schemas.ts matches the vendored InfluxDB contract (else run npm run openapi:metadata)', () => {
    expect(readFileSync(INFLUXDB_SCHEMAS_FILE, 'utf8')).toBe(influxdbSchemasSource());
  }, 60_000);

  it('reads an initialized, un-annotated DTO property as optional, typed by its default', () => {
    const printed =
      '{ offset: { required: true, type: () => Object, default: 0, minimum: 0 }, descending: { required: true, type: () => Object, default: false }, ' +
      'limit: { required: true, type: () => Object, minimum: 1 }, properties: { required: false, type: () => Object } }';
    expect(repairInitializedProperties(printed)).toBe(
      '{ offset: { required: false, type: () => Number, default: 0, minimum: 0 }, descending: { required: false, type: () => Boolean, default: false }, ' +
        'limit: { required: false, type: () => Number, minimum: 1 }, properties: { required: false, type: () => Object } }',
    );
  });
});
