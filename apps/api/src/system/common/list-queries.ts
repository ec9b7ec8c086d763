import { DomainError } from '@app/domain';

/**
 * ZITADEL's `queries` elements are oneofs: an element that sets none of them (`queries: [{}]`) is InvalidArgument,
 * as in ZITADEL, not a filter that matches everything.
 */
export function requireOneQueryEach(queries: readonly object[] | undefined, oneof: readonly string[]): void {
  (queries ?? []).forEach((query, index) => {
    const set = oneof.filter((name) => (query as Record<string, unknown>)[name] !== undefined);
    if (set.length !== 1)
      throw DomainError.invalidField(`queries[${index}]`, `must set exactly one of ${oneof.join(', ')}`);
  });
}
