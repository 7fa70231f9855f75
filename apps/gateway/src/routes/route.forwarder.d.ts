import { type InternalClient } from '@cfc/platform';
import type { AuthenticatedRequest } from '../auth/principal';
import type { GatewayRoute } from './gateway-route';
export interface ForwardedRequest extends AuthenticatedRequest {
    id?: string;
    params: Record<string, string | string[]>;
    query: Record<string, unknown>;
    body?: unknown;
    headers: Record<string, string | string[] | undefined>;
    socket: {
        remoteAddress?: string;
    };
}
export interface ForwardedResponse {
    status(code: number): ForwardedResponse;
    setHeader(name: string, value: string): void;
    end(body?: Buffer | string): void;
    destroy(error?: Error): void;
    on(event: 'close', listener: () => void): void;
    writableEnded: boolean;
}
/** Forwards one public request to its owning service: validated shapes in, the service's answer out, streamed. */
export declare class RouteForwarder {
    private readonly internal;
    constructor(internal: InternalClient);
    forward(route: GatewayRoute, req: ForwardedRequest, res: ForwardedResponse): Promise<void>;
}
