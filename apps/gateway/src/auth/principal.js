"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KIND_BY_AUDIENCE = void 0;
exports.KIND_BY_AUDIENCE = {
    'cfc:subject': 'enterprise',
    'cfc:lender': 'lender',
    'cfc:regulator': 'regulator',
};
//# sourceMappingURL=principal.js.map