import { type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RateLimiter } from '../front-door/rate-limiter';
import type { TokenVerifier } from './token.verifier';
export declare const TOKEN_VERIFIER: unique symbol;
export declare const PER_TOKEN_LIMITER: unique symbol;
/** Every route needs a valid bearer token of its audience unless marked @Public(): 401 without, 403 for the wrong role. */
export declare class BearerAuthGuard implements CanActivate {
    private readonly reflector;
    private readonly verifier;
    private readonly perToken;
    constructor(reflector: Reflector, verifier: TokenVerifier, perToken: RateLimiter);
    canActivate(context: ExecutionContext): Promise<boolean>;
}
