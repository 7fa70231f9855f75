// Censors secret and personal fields at any depth of a log object (pino's redact paths cannot say "any depth").

/** Keys whose values never reach a log line, wherever they are nested. Compared case-insensitively. */
export const SENSITIVE_KEYS = [
  'password',
  'clientSecret',
  'client_secret',
  'privateKeyPem',
  'legalRepIdNumber',
  'idNumber',
  'mobile',
  'code',
  'parameters',
  'token',
  'access_token',
  'refresh_token',
  'authorization',
  'cookie',
  'set-cookie',
];

export const CENSOR = '[redacted]';
const SENSITIVE = new Set(SENSITIVE_KEYS.map((k) => k.toLowerCase()));
const MAX_DEPTH = 10;

/**
 * A copy of `value` with every sensitive key censored at any depth. Errors stay errors (same prototype, so the
 * pino error serializer still names their class) and keep a `code`: on an Error it is a failure class
 * (ECONNREFUSED, 23505), not a secret. Streams (requests, responses, sockets) are left to their serializers.
 */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  if (isOpaque(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
    if (value instanceof Error) return redactError(value, depth, seen);
    const source = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
    if (source !== value) return redactDeep(source, depth, seen);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = SENSITIVE.has(key.toLowerCase()) ? CENSOR : redactDeep(item, depth + 1, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  copy.message = error.message;
  copy.stack = error.stack;
  for (const [key, item] of Object.entries(error)) {
    if (key === 'message' || key === 'stack') continue;
    copy[key] = key === 'code' ? item : SENSITIVE.has(key.toLowerCase()) ? CENSOR : redactDeep(item, depth + 1, seen);
  }
  if (error.cause !== undefined) copy.cause = redactDeep(error.cause, depth + 1, seen);
  return copy;
}

/** Buffers, dates and stream-like objects (IncomingMessage, sockets) are not walked. */
function isOpaque(value: object): boolean {
  return (
    value instanceof Date ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { on?: unknown }).on === 'function'
  );
}
