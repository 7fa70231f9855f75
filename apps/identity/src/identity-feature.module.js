"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityFeatureModule = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const common_2 = require("@nestjs/common");
const eventing_1 = require("@cfc/eventing");
const platform_1 = require("@cfc/platform");
const identity_runtime_1 = require("./identity.runtime");
const identity_outbox_relay_1 = require("./identity-outbox.relay");
const login_http_controller_1 = require("./login/login.http.controller");
const token_http_controller_1 = require("./oauth/token.http.controller");
const internal_http_controller_1 = require("./tokens/internal.http.controller");
const provider_keys_http_controller_1 = require("./institutions/provider-keys.http.controller");
const institution_directory_http_controller_1 = require("./institutions/institution-directory.http.controller");
const logger = new common_2.Logger('identity');
/** Identity's use cases and HTTP endpoints: login, OAuth2 tokens, logout, JWKS, provider keys. */
let IdentityFeatureModule = class IdentityFeatureModule {
};
exports.IdentityFeatureModule = IdentityFeatureModule;
exports.IdentityFeatureModule = IdentityFeatureModule = __decorate([
    (0, common_1.Module)({
        controllers: [login_http_controller_1.LoginHttpController, token_http_controller_1.TokenHttpController, internal_http_controller_1.InternalHttpController, provider_keys_http_controller_1.ProviderKeysHttpController, institution_directory_http_controller_1.InstitutionDirectoryHttpController],
        providers: [
            identity_outbox_relay_1.IdentityOutboxRelay,
            {
                provide: identity_runtime_1.IDENTITY_RUNTIME,
                inject: [(0, typeorm_1.getDataSourceToken)(), platform_1.SERVICE_CONFIG],
                useFactory: (dataSource, config) => (0, identity_runtime_1.createIdentityRuntime)((0, eventing_1.typeormDatabase)(dataSource), config, {
                    debug: (o, m) => logger.debug(o, m),
                    info: (o, m) => logger.log(o, m),
                    warn: (o, m) => logger.warn(o, m),
                    error: (o, m) => logger.error(o, m),
                }),
            },
        ],
    })
], IdentityFeatureModule);
//# sourceMappingURL=identity-feature.module.js.map