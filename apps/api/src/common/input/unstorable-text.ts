import { preview } from '@app/domain';

/** An unpaired UTF-16 surrogate: JSON's "\ud800" parses to one, and PostgreSQL (text, jsonb) cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired surrogate (such as \\ud800): it is not Unicode text';
  return null;
}

export interface UnstorableText {
  /** Where: a dotted path of keys, each cut short. */
  field: string;
  description: string;
}

/**
 * Finds the first string (key or value) in a parsed body that PostgreSQL text cannot hold. The walk keeps its own
 * stack instead of recursing, so no input can overflow the call stack.
 */
export function findUnstorableText(root: unknown): UnstorableText | null {
  const pending: { path: string; value: unknown }[] = [{ path: '', value: root }];
  while (pending.length > 0) {
    const { path, value } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = problemOf(value);
      if (problem) return { field: path || 'body', description: problem };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        // JSON-escaped, so that a NUL or a lone surrogate in a key is not repeated in the error as it came.
        const name = preview(JSON.stringify(key).slice(1, -1), 32);
        const at = path ? `${path}.${name}` : name;
        const keyProblem = problemOf(key);
        if (keyProblem) return { field: at, description: `keys ${keyProblem}` };
        pending.push({ path: at, value: child });
      }
    }
  }
  return null;
}
