import { Controller, Get, Inject } from '@nestjs/common';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';

// Read-only endpoints for other services: token keys (gateway), revoked tokens (gateway), provider keys (ingestion).
@Controller()
export class InternalHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Get(['internal/jwks', '.well-known/jwks.json'])
  jwks() {
    return this.runtime.tokens.jwks();
  }

  @Get('internal/revocations')
  async revocations() {
    return { revoked: await this.runtime.logout.revoked() };
  }

  @Get('internal/provider-keys')
  async providerKeys() {
    return { keys: await this.runtime.institutions.providerKeys() };
  }
}
