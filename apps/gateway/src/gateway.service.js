"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.gatewayService = void 0;
const gateway_config_1 = require("./gateway.config");
const gateway_module_1 = require("./gateway.module");
const front_door_configure_1 = require("./front-door/front-door.configure");
/** The gateway service as the platform runs it: its config schema, modules and migrations (oldest first). */
exports.gatewayService = {
    name: 'gateway',
    schema: gateway_config_1.gatewayConfig,
    imports: [gateway_module_1.GatewayModule],
    migrations: [],
    publicEdge: true,
    configure: front_door_configure_1.configureFrontDoor,
};
//# sourceMappingURL=gateway.service.js.map