"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ROUTES = void 0;
const binding_routes_1 = require("./binding.routes");
const identity_routes_1 = require("./identity.routes");
/** Every public route the gateway forwards, one table per owning context. */
exports.ROUTES = [...identity_routes_1.identityRoutes, ...binding_routes_1.bindingRoutes];
//# sourceMappingURL=index.js.map