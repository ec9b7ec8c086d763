import { spawnSync } from 'node:child_process';

/**
 * Validates an OpenAPI document with @seriousme/openapi-schema-validator. That package is ESM only, which jest's
 * CommonJS runtime cannot load, so it runs in a child Node process that reads the document from stdin.
 */
export function validateOpenApi(document: unknown): { valid: boolean; errors?: unknown } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const result = await new Validator().validate(JSON.parse(text));
    process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    cwd: __dirname,
  });
  if (child.status !== 0) throw new Error(`openapi validator failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}
