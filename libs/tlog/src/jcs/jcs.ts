import { isUtf8 } from 'node:buffer';
import { canonicalizeEx } from 'json-canonicalize';

// RFC 8785 (JCS) through json-canonicalize 3.x: typed, CommonJS on Node 20 (canonicalize 5.x is ESM-only
// and wants Node 22), with a mode that refuses `undefined`. strictUndefined makes `undefined` anywhere an
// error, the library's most RFC-faithful mode: `undefinedInArrayToNull: false` alone would still emit
// the text "undefined" for an undefined object property.

/** The JCS text of a JSON value; throws on undefined, NaN/Infinity, cycles and BigInt. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'bigint') throw new TypeError('BigInt is not a JSON value');
  return canonicalizeEx(value, { strictUndefined: true });
}

/** The JCS bytes (UTF-8) of a JSON value. */
export function canonicalJsonBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}

export type CanonicalRead =
  | { readonly kind: 'canonical'; readonly value: unknown }
  | { readonly kind: 'not-canonical'; readonly value: unknown; readonly canonical: string }
  | { readonly kind: 'not-json'; readonly reason: string };

/**
 * Parses bytes and tells whether they are exactly the JCS form of what they hold. Fast path for the
 * replay verifier's ~10^5 entries/s: once every object's keys already run in UTF-16 order, JSON.stringify
 * is JCS (same ES number and string serialization, no whitespace), so the library runs only when they
 * do not (or when the quick comparison fails) to say what the canonical form would have been.
 */
export function readCanonicalJson(bytes: Uint8Array): CanonicalRead {
  if (!isUtf8(bytes)) return { kind: 'not-json', reason: 'not valid UTF-8' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'not-json', reason: (error as Error).message };
  }
  if (keysAscending(value) && JSON.stringify(value) === text) return { kind: 'canonical', value };
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (error) {
    return { kind: 'not-json', reason: `not I-JSON: ${(error as Error).message}` };
  }
  return canonical === text ? { kind: 'canonical', value } : { kind: 'not-canonical', value, canonical };
}

function keysAscending(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysAscending(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysAscending((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
