import { createPublicKey } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { OwnAuthentication, ProblemException } from '@cfc/platform';
import { InstitutionRuleViolation } from '../domain/institution/institution.decider';
import { IDENTITY_RUNTIME, type IdentityRuntime } from '../identity.runtime';
import { requireOperatorToken } from './operator-token.guard';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

// Operator endpoints for provider key rotation (internal port only): add the new key, let the
// provider switch, then revoke the old one; both stay valid in between. Bearer IDENTITY_OPERATOR_TOKEN.
@Controller('internal/institutions/:institutionId/provider-keys')
@OwnAuthentication()
export class ProviderKeysHttpController {
  constructor(@Inject(IDENTITY_RUNTIME) private readonly runtime: IdentityRuntime) {}

  @Post()
  @HttpCode(201)
  async register(@Param('institutionId') institutionId: string, @Body() body: { keyId?: unknown; publicKeyPem?: unknown }, @Headers('authorization') authorization: string | undefined) {
    requireOperatorToken(this.runtime.operatorToken, authorization);
    const keyId = typeof body?.keyId === 'string' && KEY_ID.test(body.keyId) ? body.keyId : undefined;
    const pem = typeof body?.publicKeyPem === 'string' && isEd25519PublicKey(body.publicKeyPem) ? body.publicKeyPem : undefined;
    if (!keyId || !pem) {
      const errors = [...(keyId ? [] : [{ field: 'keyId', code: 'KEY_ID_FORMAT' }]), ...(pem ? [] : [{ field: 'publicKeyPem', code: 'NOT_ED25519_PUBLIC_KEY' }])];
      throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', errors.map((e) => e.field).join(', '), { errors });
    }
    await this.run(institutionId, { type: 'RegisterProviderKey', keyId, publicKeyPem: pem, now: new Date().toISOString() });
    return { institutionId, keyId, status: 'ACTIVE' };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  async revoke(@Param('institutionId') institutionId: string, @Param('keyId') keyId: string, @Headers('authorization') authorization: string | undefined) {
    requireOperatorToken(this.runtime.operatorToken, authorization);
    await this.run(institutionId, { type: 'RevokeProviderKey', keyId, now: new Date().toISOString() });
    return { institutionId, keyId, status: 'REVOKED' };
  }

  private async run(institutionId: string, command: Parameters<IdentityRuntime['institutions']['handle']>[1]): Promise<void> {
    try {
      await this.runtime.institutions.handle(institutionId, command);
    } catch (error) {
      if (error instanceof InstitutionRuleViolation) throw new ProblemException(409, 'INSTITUTION_RULE_VIOLATED', 'Conflict', error.message);
      throw error;
    }
  }
}

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
