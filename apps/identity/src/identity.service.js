"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identityService = void 0;
const identity_config_1 = require("./identity.config");
const identity_module_1 = require("./identity.module");
/** The identity service as the platform runs it: its config schema, modules and migrations (oldest first). */
exports.identityService = {
    name: 'identity',
    schema: identity_config_1.identityConfig,
    imports: [identity_module_1.IdentityModule],
    migrations: [],
};
//# sourceMappingURL=identity.service.js.map