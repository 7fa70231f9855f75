import { type IdentityRuntime } from '../identity.runtime';
export declare class InternalHttpController {
    private readonly runtime;
    constructor(runtime: IdentityRuntime);
    jwks(): {
        keys: import("@cfc/contracts").Jwk[];
    };
    revocations(): Promise<{
        revoked: {
            tokenId: string;
            expiresAt: string;
        }[];
    }>;
    providerKeys(): Promise<{
        keys: import("@cfc/contracts").ProviderKey[];
    }>;
}
