"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.FrontDoorModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const platform_1 = require("@cfc/platform");
const bearer_auth_guard_1 = require("../auth/bearer-auth.guard");
const identity_client_1 = require("../auth/identity.client");
const token_verifier_1 = require("../auth/token.verifier");
const rate_limiter_1 = require("./rate-limiter");
/** Authentication, authorisation and rate limits for every gateway route. */
let FrontDoorModule = class FrontDoorModule {
};
exports.FrontDoorModule = FrontDoorModule;
exports.FrontDoorModule = FrontDoorModule = __decorate([
    (0, common_1.Module)({
        providers: [
            { provide: bearer_auth_guard_1.TOKEN_VERIFIER, inject: [platform_1.INTERNAL_CLIENT], useFactory: (internal) => new token_verifier_1.TokenVerifier((0, identity_client_1.httpIdentityKeysClient)(internal)) },
            { provide: bearer_auth_guard_1.PER_TOKEN_LIMITER, inject: [platform_1.SERVICE_CONFIG], useFactory: (c) => new rate_limiter_1.RateLimiter(c.RATE_LIMIT_TOKEN_BURST, c.RATE_LIMIT_TOKEN_PER_SECOND) },
            { provide: core_1.APP_GUARD, useClass: bearer_auth_guard_1.BearerAuthGuard },
        ],
        exports: [bearer_auth_guard_1.TOKEN_VERIFIER, bearer_auth_guard_1.PER_TOKEN_LIMITER],
    })
], FrontDoorModule);
//# sourceMappingURL=front-door.module.js.map