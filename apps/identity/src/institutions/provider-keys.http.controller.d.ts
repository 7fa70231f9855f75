import { type IdentityRuntime } from '../identity.runtime';
export declare class ProviderKeysHttpController {
    private readonly runtime;
    constructor(runtime: IdentityRuntime);
    register(institutionId: string, body: {
        keyId?: unknown;
        publicKeyPem?: unknown;
    }, authorization: string | undefined): Promise<{
        institutionId: string;
        keyId: string;
        status: string;
    }>;
    revoke(institutionId: string, keyId: string, authorization: string | undefined): Promise<{
        institutionId: string;
        keyId: string;
        status: string;
    }>;
    private run;
}
