"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.configureFrontDoor = configureFrontDoor;
const node_crypto_1 = require("node:crypto");
const front_door_middleware_1 = require("./front-door.middleware");
const openapi_1 = require("./openapi");
const rate_limiter_1 = require("./rate-limiter");
/** App-level front door: request ids and refusals ahead of body parsing, 1 MiB body limit, OpenAPI at /docs. */
function configureFrontDoor(app, config) {
    const express = app;
    express.use((0, front_door_middleware_1.frontDoorMiddleware)(new rate_limiter_1.RateLimiter(config.RATE_LIMIT_ADDRESS_BURST, config.RATE_LIMIT_ADDRESS_PER_SECOND), node_crypto_1.randomUUID));
    // Bodies without a content-length (chunked) are cut off by the parsers at the same limit.
    express.useBodyParser('json', { limit: front_door_middleware_1.MAX_BODY_BYTES });
    express.useBodyParser('urlencoded', { limit: front_door_middleware_1.MAX_BODY_BYTES, extended: false });
    (0, openapi_1.serveOpenApi)(app);
}
//# sourceMappingURL=front-door.configure.js.map