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
exports.InternalHttpController = void 0;
const common_1 = require("@nestjs/common");
const identity_runtime_1 = require("../identity.runtime");
// Read-only endpoints for other services: token keys (gateway), revoked tokens (gateway), provider keys (ingestion).
let InternalHttpController = class InternalHttpController {
    runtime;
    constructor(runtime) {
        this.runtime = runtime;
    }
    jwks() {
        return this.runtime.tokens.jwks();
    }
    async revocations() {
        return { revoked: await this.runtime.logout.revoked() };
    }
    async providerKeys() {
        return { keys: await this.runtime.institutions.providerKeys() };
    }
};
exports.InternalHttpController = InternalHttpController;
__decorate([
    (0, common_1.Get)(['internal/jwks', '.well-known/jwks.json']),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], InternalHttpController.prototype, "jwks", null);
__decorate([
    (0, common_1.Get)('internal/revocations'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], InternalHttpController.prototype, "revocations", null);
__decorate([
    (0, common_1.Get)('internal/provider-keys'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], InternalHttpController.prototype, "providerKeys", null);
exports.InternalHttpController = InternalHttpController = __decorate([
    (0, common_1.Controller)(),
    __param(0, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object])
], InternalHttpController);
//# sourceMappingURL=internal.http.controller.js.map