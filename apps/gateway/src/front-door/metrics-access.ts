import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendProblem } from './problem.response';

// The gateway is the public port: its /metrics (routes, statuses, process figures) is for Prometheus
// only, which presents METRICS_TOKEN as a bearer token. Without a token configured the route does not
// exist (404, like any unknown path). The internal services keep /metrics open on their private ports.
const METRICS_PATH = /^\/metrics\/?(\?|$)/;

/** Middleware: lets /metrics through only with `Authorization: Bearer <token>`; other paths pass. */
export function metricsAccess(token: string | undefined) {
  const expected = token ? digest(token) : undefined;
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!METRICS_PATH.test(req.url ?? '')) return next();
    const requestId = String(res.getHeader('x-request-id') ?? '');
    if (!expected) return sendProblem(res, 404, 'NOT_FOUND', `no route ${req.method} /metrics`, requestId);
    const presented = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (presented && timingSafeEqual(digest(presented), expected)) return next();
    res.setHeader('www-authenticate', 'Bearer realm="cfc-metrics"');
    sendProblem(res, 401, 'UNAUTHENTICATED', 'metrics need the METRICS_TOKEN bearer token', requestId);
  };
}

// Equal-length digests: the comparison reveals neither the token's length nor a common prefix.
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
