"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.frontDoorVariables = void 0;
const platform_1 = require("@cfc/platform");
// The gateway's rate limits (token buckets): a burst, then a steady rate per second.
exports.frontDoorVariables = (0, platform_1.defineConfig)({
    RATE_LIMIT_ADDRESS_BURST: { type: 'int', default: 200, min: 1, description: 'requests one client address may send at once' },
    RATE_LIMIT_ADDRESS_PER_SECOND: { type: 'int', default: 50, min: 1, description: 'steady requests per second per client address' },
    RATE_LIMIT_TOKEN_BURST: { type: 'int', default: 100, min: 1, description: 'requests one bearer token subject may send at once' },
    RATE_LIMIT_TOKEN_PER_SECOND: { type: 'int', default: 20, min: 1, description: 'steady requests per second per bearer token subject' },
});
//# sourceMappingURL=front-door.variables.js.map