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
exports.InstitutionDirectoryHttpController = void 0;
const common_1 = require("@nestjs/common");
const platform_1 = require("@cfc/platform");
const institution_events_1 = require("../domain/institution/institution.events");
const identity_runtime_1 = require("../identity.runtime");
// Who is registered, in which roles, for other services (binding checks a request names a PROVIDER).
let InstitutionDirectoryHttpController = class InstitutionDirectoryHttpController {
    runtime;
    constructor(runtime) {
        this.runtime = runtime;
    }
    async list(role) {
        if (role !== undefined && !institution_events_1.INSTITUTION_ROLES.includes(role)) {
            throw new platform_1.ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', `role: must be one of ${institution_events_1.INSTITUTION_ROLES.join(', ')}`, {
                errors: [{ field: 'role', code: 'ROLE_UNKNOWN', message: `must be one of ${institution_events_1.INSTITUTION_ROLES.join(', ')}` }],
            });
        }
        return { institutions: await this.runtime.institutions.institutions(role) };
    }
};
exports.InstitutionDirectoryHttpController = InstitutionDirectoryHttpController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Query)('role')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], InstitutionDirectoryHttpController.prototype, "list", null);
exports.InstitutionDirectoryHttpController = InstitutionDirectoryHttpController = __decorate([
    (0, common_1.Controller)('internal/institutions'),
    __param(0, (0, common_1.Inject)(identity_runtime_1.IDENTITY_RUNTIME)),
    __metadata("design:paramtypes", [Object])
], InstitutionDirectoryHttpController);
//# sourceMappingURL=institution-directory.http.controller.js.map