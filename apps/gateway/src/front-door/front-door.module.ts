import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SERVICE_CONFIG } from '@cfc/platform';
import { BearerAuthGuard, PER_TOKEN_LIMITER, TOKEN_VERIFIER } from '../auth/bearer-auth.guard';
import { httpIdentityKeysClient } from '../auth/identity.client';
import { TokenVerifier } from '../auth/token.verifier';
import type { GatewayConfig } from '../gateway.config';
import { IdentityHttpController } from '../identity-proxy/identity.http.controller';
import { RateLimiter } from './rate-limiter';

/** Authentication, authorisation and rate limits for every gateway route, and the identity routes. */
@Module({
  controllers: [IdentityHttpController],
  providers: [
    { provide: TOKEN_VERIFIER, inject: [SERVICE_CONFIG], useFactory: (c: GatewayConfig) => new TokenVerifier(httpIdentityKeysClient(c.IDENTITY_URL)) },
    { provide: PER_TOKEN_LIMITER, inject: [SERVICE_CONFIG], useFactory: (c: GatewayConfig) => new RateLimiter(c.RATE_LIMIT_TOKEN_BURST, c.RATE_LIMIT_TOKEN_PER_SECOND) },
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
  exports: [TOKEN_VERIFIER],
})
export class FrontDoorModule {}
