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
exports.BearerAuthGuard = exports.PER_TOKEN_LIMITER = exports.TOKEN_VERIFIER = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const contracts_1 = require("@cfc/contracts");
const platform_1 = require("@cfc/platform");
const audiences_decorator_1 = require("./audiences.decorator");
const principal_1 = require("./principal");
exports.TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
exports.PER_TOKEN_LIMITER = Symbol('PER_TOKEN_LIMITER');
// Platform endpoints that must answer without a token (the platform's own controllers carry no decorators).
const OPEN_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;
const LABEL = { 'cfc:subject': 'enterprises', 'cfc:lender': 'lenders', 'cfc:regulator': 'regulators' };
/** Every route needs a valid bearer token of its audience unless marked @Public(): 401 without, 403 for the wrong role. */
let BearerAuthGuard = class BearerAuthGuard {
    reflector;
    verifier;
    perToken;
    constructor(reflector, verifier, perToken) {
        this.reflector = reflector;
        this.verifier = verifier;
        this.perToken = perToken;
    }
    async canActivate(context) {
        const targets = [context.getHandler(), context.getClass()];
        const req = context.switchToHttp().getRequest();
        const res = context.switchToHttp().getResponse();
        if (this.reflector.getAllAndOverride(audiences_decorator_1.PUBLIC_KEY, targets) || OPEN_PATHS.test(req.path ?? req.url ?? ''))
            return true;
        const allowed = this.reflector.getAllAndOverride(audiences_decorator_1.AUDIENCES_KEY, targets) ?? contracts_1.TOKEN_AUDIENCES;
        const header = req.headers.authorization;
        const token = typeof header === 'string' ? header.match(/^Bearer\s+(\S+)$/i)?.[1] : undefined;
        if (!token) {
            res.setHeader('www-authenticate', 'Bearer realm="cfc"');
            throw new platform_1.ProblemException(401, 'AUTHENTICATION_REQUIRED', 'Unauthorized', 'a bearer token is required');
        }
        const result = await this.verifier.verify(token).catch(() => {
            throw new platform_1.ProblemException(503, 'IDENTITY_UNAVAILABLE', 'Service Unavailable', 'tokens cannot be checked right now; retry shortly');
        });
        if (!result.ok) {
            res.setHeader('www-authenticate', 'Bearer realm="cfc", error="invalid_token"');
            const code = result.reason === 'EXPIRED' ? 'TOKEN_EXPIRED' : result.reason === 'REVOKED' ? 'TOKEN_REVOKED' : 'INVALID_TOKEN';
            throw new platform_1.ProblemException(401, code, 'Unauthorized', 'the bearer token is not valid', { reason: result.reason });
        }
        const { claims } = result;
        const limit = this.perToken.take(`${claims.aud}:${claims.sub}`);
        if (!limit.allowed) {
            res.setHeader('retry-after', String(limit.retryAfterSeconds));
            throw new platform_1.ProblemException(429, 'RATE_LIMITED', 'Too Many Requests', 'too many requests for this token', { retryAfter: limit.retryAfterSeconds });
        }
        if (!allowed.includes(claims.aud)) {
            throw new platform_1.ProblemException(403, 'ROLE_FORBIDDEN', 'Forbidden', `this endpoint is for ${allowed.map((a) => LABEL[a]).join(' or ')}; the token is for ${LABEL[claims.aud]}`);
        }
        req.principal = { kind: principal_1.KIND_BY_AUDIENCE[claims.aud], id: claims.sub, audience: claims.aud, tokenId: claims.jti, expiresAt: claims.exp };
        return true;
    }
};
exports.BearerAuthGuard = BearerAuthGuard;
exports.BearerAuthGuard = BearerAuthGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(1, (0, common_1.Inject)(exports.TOKEN_VERIFIER)),
    __param(2, (0, common_1.Inject)(exports.PER_TOKEN_LIMITER)),
    __metadata("design:paramtypes", [core_1.Reflector, Function, Function])
], BearerAuthGuard);
//# sourceMappingURL=bearer-auth.guard.js.map