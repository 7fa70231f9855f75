"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiProblems = ApiProblems;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const api_1 = require("@cfc/api");
const problem = (status, code, detail) => ({
    status,
    description: `${code}: ${detail}`,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' }, example: { type: `https://cfc.example/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: 'Request Failed', status, code, detail } } },
});
/** Documents problem responses (RFC 9457) with examples; pass [status, code, detail] triples. */
function ApiProblems(...problems) {
    return (0, common_1.applyDecorators)((0, swagger_1.ApiResponse)({ status: 'default', type: api_1.ProblemDto, description: 'any error, as application/problem+json' }), ...problems.map(([s, c, d]) => (0, swagger_1.ApiResponse)(problem(s, c, d))));
}
//# sourceMappingURL=api-problems.decorator.js.map