import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';

import { hostileJson, hostileNumber, hostileString } from './hostile-values';

type Dto = new (...args: unknown[]) => object;

/** class-transformer's @Type() records (not in its typings): they name the class of a nested DTO field. */

const typeMetadata: { findTypeMetadata(target: Dto, field: string): { typeFunction(): unknown } | undefined } =
  require('class-transformer/cjs/storage').defaultMetadataStorage;

/**
 * Values of the type each DTO field declares (class-validator's decorators, class-transformer's @Type for nested
 * DTOs), but hostile within it: boundary and huge integers, NUL, lone surrogates, long strings, and now and then the
 * wrong type. Such bodies pass validation often and reach the domain rules and PostgreSQL.
 */
export function typedObject(dto: Dto, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const byField = new Map<string, { name?: string; type: string; constraints?: unknown[]; each?: boolean }[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byField.set(m.propertyName, [...(byField.get(m.propertyName) ?? []), m]);
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [field, rules] of byField) model[field] = typedValue(dto, field, rules, depth);
  return fc.record(model, { requiredKeys: [] });
}

function typedValue(
  dto: Dto,
  field: string,
  rules: { name?: string; type: string; constraints?: unknown[]; each?: boolean }[],
  depth: number,
): fc.Arbitrary<unknown> {
  const has = (name: string) => rules.find((r) => r.name === name);
  const nested = typeMetadata.findTypeMetadata(dto, field)?.typeFunction() as Dto | undefined;
  let typed: fc.Arbitrary<unknown> = hostileJson([field]);
  const known =
    has('isIn')?.constraints?.[0] ??
    (has('isEnum') ? Object.values(has('isEnum')!.constraints?.[0] as object) : undefined);
  if (Array.isArray(known) && known.length)
    typed = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: hostileString });
  else if (nested && rules.some((r) => r.type === 'nestedValidation') && depth < 3) {
    const item = typedObject(nested, depth + 1);
    typed = has('isArray') ? fc.array(item, { maxLength: 3 }) : item;
  } else if (has('isInt') || has('isNumber') || has('min') || has('max')) typed = hostileNumber;
  else if (has('isBoolean')) typed = fc.boolean();
  else if (has('isArray')) typed = fc.array(hostileString, { maxLength: 4 });
  else if (has('isString') || has('matches')) typed = hostileString;
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: hostileJson([field], 2) });
}

/** A query string from a query DTO's typed values. */
export function typedQuery(dto: Dto, encode: (text: string) => string): fc.Arbitrary<string> {
  return typedObject(dto).map((values) =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
      .map(([k, v]) => `${k}=${encode(String(v))}`)
      .join('&'),
  );
}
