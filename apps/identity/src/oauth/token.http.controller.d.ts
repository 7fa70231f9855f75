import { type IdentityRuntime } from '../identity.runtime';
export declare class TokenHttpController {
    private readonly runtime;
    constructor(runtime: IdentityRuntime);
    /** OAuth2 token endpoint: form body or JSON, client authentication by Basic or in the body. */
    token(body: Record<string, unknown> | undefined, authorization: string | undefined): Promise<{
        access_token: string;
        token_type: "Bearer";
        expires_in: number;
        scope: string;
    }>;
}
