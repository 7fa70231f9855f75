"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INSTITUTION_ROLES = void 0;
exports.institutionStreamId = institutionStreamId;
exports.INSTITUTION_ROLES = ['PROVIDER', 'USER', 'REGULATOR'];
/** Stream id of one institution. */
function institutionStreamId(institutionId) {
    return `institution-${institutionId}`;
}
//# sourceMappingURL=institution.events.js.map