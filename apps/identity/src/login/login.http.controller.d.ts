import { Req, Res } from '@nestjs/common';
import { type ServiceCaller } from '@cfc/platform';
import { type IdentityRuntime } from '../identity.runtime';
interface Req {
    id?: string;
    socket?: {
        remoteAddress?: string;
    };
}
interface Res {
    setHeader(name: string, value: string): void;
}
export declare class LoginHttpController {
    private readonly runtime;
    constructor(runtime: IdentityRuntime);
    challenge(body: unknown, caller: ServiceCaller | undefined, req: Req, res: Res): Promise<{
        challengeId: string;
    }>;
    login(body: unknown, req: Req): Promise<{
        access_token: string;
        token_type: "Bearer";
        expires_in: number;
    }>;
    logout(authorization: string | undefined, req: Req): Promise<void>;
}
export {};
