import { canonicalizeEx } from 'json-canonicalize';

/**
 * RFC 8785 JSON Canonicalization Scheme, by json-canonicalize (the library the audit log uses too).
 * `undefined` cannot come from JSON.parse; refusing it keeps the function strictly RFC 8785.
 */
export function canonicalize(value: unknown): string {
  return canonicalizeEx(value, { strictUndefined: true });
}
