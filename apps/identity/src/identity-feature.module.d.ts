/** Identity's use cases and HTTP endpoints: login, OAuth2 tokens, logout, JWKS, provider keys. */
export declare class IdentityFeatureModule {
}
