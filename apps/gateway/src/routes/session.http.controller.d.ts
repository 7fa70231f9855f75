import { SessionDto } from '@cfc/api';
import type { TokenVerifier } from '../auth/token.verifier';
import type { ForwardedRequest, ForwardedResponse, RouteForwarder } from './route.forwarder';
/** The two routes with gateway-side behaviour: logout also revokes the token here at once; session is answered here. */
export declare class SessionHttpController {
    private readonly forwarder;
    private readonly verifier;
    constructor(forwarder: RouteForwarder, verifier: TokenVerifier);
    logout(req: ForwardedRequest, res: ForwardedResponse & {
        statusCode: number;
    }): Promise<void>;
    session(req: ForwardedRequest): SessionDto;
}
