import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
// The request id becomes the correlation id of every event a request causes (published on Kafka, kept
// forever). A caller may only pick one of the shape CFC generates itself: a UUID, nothing freer, so no
// client writes text of its choosing into events and logs.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const assigned = Symbol('cfc.requestId');

/** True for a request id a caller may choose: a UUID in its 36-character text form. */
export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Reuses the caller's x-request-id when it is a UUID, else makes one; echoes it on the response.
 * Idempotent per request, so the logger and the correlation middleware agree whichever runs first.
 */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const cached = (req as IncomingMessage & { [assigned]?: string })[assigned];
  if (cached) return cached;
  const given = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(given) ? given[0] : given;
  const id = isAcceptableRequestId(candidate) ? candidate : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  (req as IncomingMessage & { [assigned]?: string })[assigned] = id;
  return id;
}
