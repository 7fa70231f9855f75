import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimiter } from './rate-limiter';
export declare const MAX_BODY_BYTES: number;
/**
 * The first thing every request meets, ahead of body parsing: a request id (echoed on every response,
 * even the refusals below), 413 for declared bodies over 1 MiB, and the per-address rate limit.
 */
export declare function frontDoorMiddleware(perAddress: RateLimiter, newId: () => string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
/** The caller's address as the gateway sees it (the gateway is the edge; it does not trust x-forwarded-for). */
export declare function clientAddress(req: {
    socket?: {
        remoteAddress?: string;
    };
}): string;
