"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identityConfig = void 0;
const platform_1 = require("@cfc/platform");
const identity_variables_1 = require("./identity.variables");
/** Every environment variable the identity service reads (validated at boot; listed in deploy/README.md). */
exports.identityConfig = (0, platform_1.defineConfig)({
    ...(0, platform_1.platformVariables)(8081),
    ...identity_variables_1.identityVariables,
});
//# sourceMappingURL=identity.config.js.map