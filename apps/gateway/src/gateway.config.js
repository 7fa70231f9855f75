"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gatewayConfig = void 0;
const platform_1 = require("@cfc/platform");
const front_door_variables_1 = require("./front-door/front-door.variables");
/** Every environment variable the gateway service reads (validated at boot; listed in deploy/README.md). */
exports.gatewayConfig = (0, platform_1.defineConfig)({
    ...(0, platform_1.platformVariables)(8080),
    ...front_door_variables_1.frontDoorVariables,
    ...(0, platform_1.serviceUrlVariables)('identity', 'binding', 'consent', 'ingestion', 'report', 'audit'),
});
//# sourceMappingURL=gateway.config.js.map