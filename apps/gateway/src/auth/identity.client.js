"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDENTITY_KEYS_CLIENT = void 0;
exports.httpIdentityKeysClient = httpIdentityKeysClient;
/** DI token of the IdentityKeysClient. */
exports.IDENTITY_KEYS_CLIENT = Symbol('IDENTITY_KEYS_CLIENT');
/** Reads identity's internal endpoints (service-token authenticated). */
function httpIdentityKeysClient(internal) {
    const get = (path) => internal.json('identity', { path, timeoutMs: 3000 });
    return { jwks: () => get('/internal/jwks'), revocations: () => get('/internal/revocations') };
}
//# sourceMappingURL=identity.client.js.map