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
var _a, _b, _c, _d;
Object.defineProperty(exports, "__esModule", { value: true });
exports.LoginHttpController = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("@cfc/platform");
const identity_runtime_1 = require("../identity.runtime");
let LoginHttpController = class LoginHttpController {
    runtime;
    constructor(runtime) {
        this.runtime = runtime;
    }
    async challenge(body, caller, req, res) {
        try {
            return await this.runtime.login.requestChallenge(body, caller?.clientAddress ?? req.socket?.remoteAddress ?? 'unknown', String(req.id ?? 'none'));
        }
        catch (error) {
            if (error instanceof platform_1.ProblemException && error.getStatus() === 429)
                res.setHeader('retry-after', String(error.extensions.retryAfter));
            throw error;
        }
    }
    async login(body, req) {
        const { claims: _claims, ...token } = await this.runtime.login.login(body, String(req.id ?? 'none'));
        return token;
    }
    async logout(authorization, req) {
        await this.runtime.logout.logout(authorization, String(req.id ?? 'none'));
    }
};
exports.LoginHttpController = LoginHttpController;
__decorate([
    (0, common_1.Post)('login/challenge'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, platform_1.Caller)()),
    __param(2, (0, common_1.Req)()),
    __param(3, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, typeof (_a = typeof common_1.Req !== "undefined" && common_1.Req) === "function" ? _a : Object, typeof (_b = typeof common_1.Res !== "undefined" && common_1.Res) === "function" ? _b : Object]),
    __metadata("design:returntype", Promise)
], LoginHttpController.prototype, "challenge", null);
__decorate([
    (0, common_1.Post)('login'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, typeof (_c = typeof common_1.Req !== "undefined" && common_1.Req) === "function" ? _c : Object]),
    __metadata("design:returntype", Promise)
], LoginHttpController.prototype, "login", null);
__decorate([
    (0, common_1.Post)('logout'),
    (0, common_1.HttpCode)(204),
    __param(0, (0, common_1.Headers)('authorization')),
    __param(1, (0, common_1.Req)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, typeof (_d = typeof common_1.Req !== "undefined" && common_1.Req) === "function" ? _d : Object]),
    __metadata("design:returntype", Promise)
], LoginHttpController.prototype, "logout", null);
exports.LoginHttpController = LoginHttpController = __decorate([
    (0, common_1.Controller)('v1/subject'),
    __param(0, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object])
], LoginHttpController);
//# sourceMappingURL=login.http.controller.js.map