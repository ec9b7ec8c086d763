/** Deepest nesting of arrays and objects a JSON body may have; InfluxDB and ZITADEL bodies need fewer than 10. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether UTF-8 JSON text nests deeper than `max`, found by one pass over its bytes (brackets inside strings do not
 * count). It runs before JSON.parse, so that nothing ever walks a deeply nested value recursively. In UTF-8 these
 * ASCII bytes never occur inside a multi-byte character, so a byte scan is exact. Invalid JSON is left to the parser.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}
