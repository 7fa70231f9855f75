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
exports.ProviderKeysHttpController = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const platform_1 = require("@cfc/platform");
const institution_decider_1 = require("../domain/institution/institution.decider");
const identity_runtime_1 = require("../identity.runtime");
const operator_token_guard_1 = require("./operator-token.guard");
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
// Operator endpoints for provider key rotation (internal port only): add the new key, let the
// provider switch, then revoke the old one; both stay valid in between. Bearer IDENTITY_OPERATOR_TOKEN.
let ProviderKeysHttpController = class ProviderKeysHttpController {
    runtime;
    constructor(runtime) {
        this.runtime = runtime;
    }
    async register(institutionId, body, authorization) {
        (0, operator_token_guard_1.requireOperatorToken)(this.runtime.operatorToken, authorization);
        const keyId = typeof body?.keyId === 'string' && KEY_ID.test(body.keyId) ? body.keyId : undefined;
        const pem = typeof body?.publicKeyPem === 'string' && isEd25519PublicKey(body.publicKeyPem) ? body.publicKeyPem : undefined;
        if (!keyId || !pem) {
            const errors = [...(keyId ? [] : [{ field: 'keyId', code: 'KEY_ID_FORMAT' }]), ...(pem ? [] : [{ field: 'publicKeyPem', code: 'NOT_ED25519_PUBLIC_KEY' }])];
            throw new platform_1.ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', errors.map((e) => e.field).join(', '), { errors });
        }
        await this.run(institutionId, { type: 'RegisterProviderKey', keyId, publicKeyPem: pem, now: new Date().toISOString() });
        return { institutionId, keyId, status: 'ACTIVE' };
    }
    async revoke(institutionId, keyId, authorization) {
        (0, operator_token_guard_1.requireOperatorToken)(this.runtime.operatorToken, authorization);
        await this.run(institutionId, { type: 'RevokeProviderKey', keyId, now: new Date().toISOString() });
        return { institutionId, keyId, status: 'REVOKED' };
    }
    async run(institutionId, command) {
        try {
            await this.runtime.institutions.handle(institutionId, command);
        }
        catch (error) {
            if (error instanceof institution_decider_1.InstitutionRuleViolation)
                throw new platform_1.ProblemException(409, 'INSTITUTION_RULE_VIOLATED', 'Conflict', error.message);
            throw error;
        }
    }
};
exports.ProviderKeysHttpController = ProviderKeysHttpController;
__decorate([
    (0, common_1.Post)(),
    (0, common_1.HttpCode)(201),
    __param(0, (0, common_1.Param)('institutionId')),
    __param(1, (0, common_1.Body)()),
    __param(2, (0, common_1.Headers)('authorization')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object, Object]),
    __metadata("design:returntype", Promise)
], ProviderKeysHttpController.prototype, "register", null);
__decorate([
    (0, common_1.Post)(':keyId/revoke'),
    (0, common_1.HttpCode)(200),
    __param(0, (0, common_1.Param)('institutionId')),
    __param(1, (0, common_1.Param)('keyId')),
    __param(2, (0, common_1.Headers)('authorization')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, String, Object]),
    __metadata("design:returntype", Promise)
], ProviderKeysHttpController.prototype, "revoke", null);
exports.ProviderKeysHttpController = ProviderKeysHttpController = __decorate([
    (0, common_1.Controller)('internal/institutions/:institutionId/provider-keys'),
    (0, platform_1.OwnAuthentication)(),
    __param(0, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object])
], ProviderKeysHttpController);
function isEd25519PublicKey(pem) {
    try {
        return (0, node_crypto_1.createPublicKey)(pem).asymmetricKeyType === 'ed25519';
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=provider-keys.http.controller.js.map