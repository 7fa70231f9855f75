"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_BODY_BYTES = void 0;
exports.frontDoorMiddleware = frontDoorMiddleware;
exports.clientAddress = clientAddress;
const platform_1 = require("@cfc/platform");
const problem_response_1 = require("./problem.response");
exports.MAX_BODY_BYTES = 1024 * 1024;
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * The first thing every request meets, ahead of body parsing: a request id (echoed on every response,
 * even the refusals below), 413 for declared bodies over 1 MiB, and the per-address rate limit.
 */
function frontDoorMiddleware(perAddress, newId) {
    return (req, res, next) => {
        const given = req.headers[platform_1.REQUEST_ID_HEADER];
        const id = typeof given === 'string' && acceptableId.test(given) ? given : newId();
        req.headers[platform_1.REQUEST_ID_HEADER] = id; // pino-http reuses it, so logs and response agree
        res.setHeader(platform_1.REQUEST_ID_HEADER, id);
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > exports.MAX_BODY_BYTES) {
            res.setHeader('connection', 'close');
            return (0, problem_response_1.sendProblem)(res, 413, 'PAYLOAD_TOO_LARGE', `request bodies are limited to ${exports.MAX_BODY_BYTES} bytes`, id);
        }
        const limit = perAddress.take(clientAddress(req));
        if (!limit.allowed) {
            res.setHeader('retry-after', String(limit.retryAfterSeconds));
            return (0, problem_response_1.sendProblem)(res, 429, 'RATE_LIMITED', 'too many requests from this address', id, { retryAfter: limit.retryAfterSeconds });
        }
        next();
    };
}
/** The caller's address as the gateway sees it (the gateway is the edge; it does not trust x-forwarded-for). */
function clientAddress(req) {
    return req.socket?.remoteAddress ?? 'unknown';
}
//# sourceMappingURL=front-door.middleware.js.map