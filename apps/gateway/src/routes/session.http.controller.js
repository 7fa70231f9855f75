"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SessionHttpController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const api_1 = require("@cfc/api");
const audiences_decorator_1 = require("../auth/audiences.decorator");
const bearer_auth_guard_1 = require("../auth/bearer-auth.guard");
const api_problems_decorator_1 = require("./api-problems.decorator");
const route_table_controller_1 = require("./route-table.controller");
const logoutRoute = { method: 'POST', path: '/v1/subject/logout', audiences: ['cfc:subject', 'cfc:lender', 'cfc:regulator'], upstream: 'identity', summary: 'logout', tag: 'enterprises', passAuthorization: true, status: 204 };
/** The two routes with gateway-side behaviour: logout also revokes the token here at once; session is answered here. */
let SessionHttpController = class SessionHttpController {
    forwarder;
    verifier;
    constructor(forwarder, verifier) {
        this.forwarder = forwarder;
        this.verifier = verifier;
    }
    async logout(req, res) {
        const principal = req.principal;
        await this.forwarder.forward(logoutRoute, req, res);
        if (res.statusCode === 204 && principal)
            this.verifier.revoke(principal.tokenId, principal.expiresAt);
    }
    session(req) {
        const p = req.principal;
        return { kind: p.kind, id: p.id, expiresAt: new Date(p.expiresAt * 1000).toISOString() };
    }
};
exports.SessionHttpController = SessionHttpController;
__decorate([
    (0, common_1.Post)('v1/subject/logout'),
    (0, audiences_decorator_1.Audiences)('cfc:subject', 'cfc:lender', 'cfc:regulator'),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiTags)('enterprises'),
    (0, swagger_1.ApiOperation)({ summary: 'End the session: the bearer token is refused from now on' }),
    (0, swagger_1.ApiNoContentResponse)({ description: 'logged out; the token is refused from now on' }),
    (0, api_problems_decorator_1.ApiProblems)([401, 'INVALID_TOKEN', 'the bearer token is not valid']),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], SessionHttpController.prototype, "logout", null);
__decorate([
    (0, common_1.Get)('v1/subject/session'),
    (0, audiences_decorator_1.ForEnterprises)(),
    (0, swagger_1.ApiBearerAuth)(),
    (0, swagger_1.ApiTags)('enterprises'),
    (0, swagger_1.ApiOperation)({ summary: 'Who the bearer token belongs to, and until when' }),
    (0, swagger_1.ApiOkResponse)({ type: api_1.SessionDto }),
    (0, api_problems_decorator_1.ApiProblems)([401, 'AUTHENTICATION_REQUIRED', 'a bearer token is required'], [403, 'ROLE_FORBIDDEN', 'this endpoint is for enterprises; the token is for lenders']),
    __param(0, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", api_1.SessionDto)
], SessionHttpController.prototype, "session", null);
exports.SessionHttpController = SessionHttpController = __decorate([
    (0, common_1.Controller)(),
    __param(0, (0, common_1.Inject)(route_table_controller_1.ROUTE_FORWARDER)),
    __param(1, (0, common_1.Inject)(bearer_auth_guard_1.TOKEN_VERIFIER)),
    __metadata("design:paramtypes", [Function, Function])
], SessionHttpController);
//# sourceMappingURL=session.http.controller.js.map