import { preview } from '@app/domain';

/**
 * Most members one object of a body may have, and most values a whole body may hold. class-transformer's work
 * grows with the square of an object's members (a label with 80,000 properties took 11 s of CPU), and no request
 * of either API needs more than a few hundred.
 */
export const MAX_OBJECT_MEMBERS = 1000;
export const MAX_BODY_VALUES = 10_000;

/** An unpaired UTF-16 surrogate: JSON's "\ud800" parses to one, and PostgreSQL (text, jsonb) cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text))
    return 'must not contain an unpaired surrogate (such as \\ud800): it is not Unicode text';
  return null;
}

export interface BodyProblem {
  /** Where: a dotted path of keys, each JSON-escaped and cut short, so that the key itself is not repeated as sent. */
  field: string;
  description: string;
}

function keyName(key: string): string {
  return preview(JSON.stringify(key).slice(1, -1), 32);
}

/**
 * The first thing in a parsed body that the service refuses: a string (key or value) that PostgreSQL text cannot
 * hold, or too many members or values. The walk keeps its own stack instead of recursing, so no input can
 * overflow the call stack.
 */
export function findBodyProblem(root: unknown): BodyProblem | null {
  const pending: { path: string; value: unknown }[] = [{ path: '', value: root }];
  let values = 0;
  while (pending.length > 0) {
    const { path, value } = pending.pop()!;
    if (++values > MAX_BODY_VALUES)
      return { field: 'body', description: `must hold at most ${MAX_BODY_VALUES} values` };
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field: path || 'body', description: problem };
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length > MAX_OBJECT_MEMBERS)
        return { field: path || 'body', description: `must have at most ${MAX_OBJECT_MEMBERS} members` };
      for (const [key, child] of entries) {
        const at = path ? `${path}.${keyName(key)}` : keyName(key);
        const problem = textProblem(key);
        if (problem) return { field: at, description: `keys ${problem}` };
        pending.push({ path: at, value: child });
      }
    }
  }
  return null;
}
