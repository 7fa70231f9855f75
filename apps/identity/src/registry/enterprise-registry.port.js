"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENTERPRISE_REGISTRY = void 0;
/** DI token of the EnterpriseRegistry adapter. */
exports.ENTERPRISE_REGISTRY = Symbol('ENTERPRISE_REGISTRY');
//# sourceMappingURL=enterprise-registry.port.js.map