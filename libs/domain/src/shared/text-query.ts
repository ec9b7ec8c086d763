/** ZITADEL's `zitadel.v1.TextQueryMethod`, by name. */
export type TextQueryMethod =
  | 'TEXT_QUERY_METHOD_EQUALS'
  | 'TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE'
  | 'TEXT_QUERY_METHOD_STARTS_WITH'
  | 'TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE'
  | 'TEXT_QUERY_METHOD_CONTAINS'
  | 'TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE'
  | 'TEXT_QUERY_METHOD_ENDS_WITH'
  | 'TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE';

export const TEXT_QUERY_METHODS: readonly TextQueryMethod[] = [
  'TEXT_QUERY_METHOD_EQUALS',
  'TEXT_QUERY_METHOD_EQUALS_IGNORE_CASE',
  'TEXT_QUERY_METHOD_STARTS_WITH',
  'TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE',
  'TEXT_QUERY_METHOD_CONTAINS',
  'TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE',
  'TEXT_QUERY_METHOD_ENDS_WITH',
  'TEXT_QUERY_METHOD_ENDS_WITH_IGNORE_CASE',
];

export interface TextQuery {
  readonly value: string;
  readonly method: TextQueryMethod;
}

/** Whether `text` matches the query; an absent method is EQUALS, protojson's default. */
export function matchesText(text: string, { value, method }: TextQuery): boolean {
  const ignoreCase = method.endsWith('_IGNORE_CASE');
  const [a, b] = ignoreCase ? [text.toLowerCase(), value.toLowerCase()] : [text, value];
  if (method.includes('STARTS_WITH')) return a.startsWith(b);
  if (method.includes('CONTAINS')) return a.includes(b);
  if (method.includes('ENDS_WITH')) return a.endsWith(b);
  return a === b;
}
