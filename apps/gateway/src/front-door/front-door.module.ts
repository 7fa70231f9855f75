import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { INTERNAL_CLIENT, type InternalClient, SERVICE_CONFIG } from '@cfc/platform';
import { BearerAuthGuard, PER_TOKEN_LIMITER, TOKEN_VERIFIER } from '../auth/bearer-auth.guard';
import { httpIdentityKeysClient } from '../auth/identity.client';
import { TokenVerifier } from '../auth/token.verifier';
import type { GatewayConfig } from '../gateway.config';
import { RateLimiter } from './rate-limiter';

/** Authentication, authorisation and rate limits for every gateway route. */
@Module({
  providers: [
    { provide: TOKEN_VERIFIER, inject: [INTERNAL_CLIENT], useFactory: (internal: InternalClient) => new TokenVerifier(httpIdentityKeysClient(internal)) },
    { provide: PER_TOKEN_LIMITER, inject: [SERVICE_CONFIG], useFactory: (c: GatewayConfig) => new RateLimiter(c.RATE_LIMIT_TOKEN_BURST, c.RATE_LIMIT_TOKEN_PER_SECOND) },
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
  exports: [TOKEN_VERIFIER, PER_TOKEN_LIMITER],
})
export class FrontDoorModule {}
