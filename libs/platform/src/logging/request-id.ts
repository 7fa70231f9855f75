import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;
const assigned = Symbol('cfc.requestId');

/**
 * Reuses the caller's x-request-id when it is sane, else makes one; echoes it on the response.
 * Idempotent per request, so the logger and the correlation middleware agree whichever runs first.
 */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const cached = (req as IncomingMessage & { [assigned]?: string })[assigned];
  if (cached) return cached;
  const given = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(given) ? given[0] : given;
  const id = candidate && acceptable.test(candidate) ? candidate : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  (req as IncomingMessage & { [assigned]?: string })[assigned] = id;
  return id;
}
