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
exports.TokenHttpController = void 0;
const common_1 = require("@nestjs/common");
const identity_runtime_1 = require("../identity.runtime");
const client_credentials_service_1 = require("./client-credentials.service");
let TokenHttpController = class TokenHttpController {
    runtime;
    constructor(runtime) {
        this.runtime = runtime;
    }
    /** OAuth2 token endpoint: form body or JSON, client authentication by Basic or in the body. */
    async token(body, authorization) {
        const { claims: _claims, ...token } = await this.runtime.oauth.token((0, client_credentials_service_1.tokenRequestFrom)(body, authorization));
        return token;
    }
};
exports.TokenHttpController = TokenHttpController;
__decorate([
    (0, common_1.Post)('token'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Body)()),
    __param(1, (0, common_1.Headers)('authorization')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], TokenHttpController.prototype, "token", null);
exports.TokenHttpController = TokenHttpController = __decorate([
    (0, common_1.Controller)('v1/oauth'),
    __param(0, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object])
], TokenHttpController);
//# sourceMappingURL=token.http.controller.js.map