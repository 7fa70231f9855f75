import { ProblemException } from '../problem/problem.exception';

/** Deepest nesting of objects and arrays a JSON request body may have; CFC's contracts need fewer than 10. */
export const MAX_JSON_DEPTH = 32;

// JSON.parse itself copes with deep nesting, but everything that walks the parsed value afterwards
// (validators, JSON.stringify when forwarding, loggers) recurses and may exhaust the stack. Measured
// on the raw bytes before parsing: a bracket byte can never be part of a multi-byte UTF-8 character.
/** True when `body` nests objects or arrays deeper than `max` (brackets inside strings do not count). */
export function jsonNestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** body-parser `verify` hook: 400 `JSON_TOO_DEEP` naming the limit, before the body is parsed. */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw new ProblemException(400, 'JSON_TOO_DEEP', 'Bad Request', `JSON request bodies may nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep`, { maxDepth: MAX_JSON_DEPTH });
  }
}
