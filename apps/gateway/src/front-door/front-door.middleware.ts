import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAcceptableRequestId, REQUEST_ID_HEADER } from '@cfc/platform';
import { sendProblem } from './problem.response';
import type { RateLimiter } from './rate-limiter';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The first thing every request meets, ahead of body parsing: a request id (echoed on every response,
 * even the refusals below), 413 for declared bodies over 1 MiB, and the per-address rate limit.
 */
export function frontDoorMiddleware(perAddress: RateLimiter, newId: () => string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // A client's id becomes the correlation id of the events it causes: only a UUID is taken as given.
    const given = req.headers[REQUEST_ID_HEADER];
    const id = isAcceptableRequestId(given) ? given : newId();
    req.headers[REQUEST_ID_HEADER] = id; // pino-http reuses it, so logs and response agree
    res.setHeader(REQUEST_ID_HEADER, id);
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.setHeader('connection', 'close');
      return sendProblem(res, 413, 'PAYLOAD_TOO_LARGE', `request bodies are limited to ${MAX_BODY_BYTES} bytes`, id);
    }
    const limit = perAddress.take(clientAddress(req));
    if (!limit.allowed) {
      res.setHeader('retry-after', String(limit.retryAfterSeconds));
      return sendProblem(res, 429, 'RATE_LIMITED', 'too many requests from this address', id, { retryAfter: limit.retryAfterSeconds });
    }
    next();
  };
}

/** The caller's address as the gateway sees it (the gateway is the edge; it does not trust x-forwarded-for). */
export function clientAddress(req: { socket?: { remoteAddress?: string } }): string {
  return req.socket?.remoteAddress ?? 'unknown';
}
