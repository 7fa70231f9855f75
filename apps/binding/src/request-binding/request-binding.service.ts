import { randomUUID } from 'node:crypto';
import type { RequestBindingDto } from '@cfc/api';
import { StreamVersionConflictError, type AppendContext } from '@cfc/eventing';
import { currentCorrelationId, ProblemException } from '@cfc/platform';
import { problemFor } from '../binding.problems';
import type { BindingRuntime } from '../binding.runtime';
import { agreementInForce } from '../domain/agreement/agreement';
import { isPastExpiry } from '../domain/binding/binding.expiry';
import { AccountClaimRace } from '../read-model/bindings.projection';

const ATTEMPTS = 3;

/**
 * POST /v1/subject/bindings: the enterprise signs the agreement in force and asks its provider to confirm.
 * One transaction checks the account's claim, appends binding.requested and claims the account (the
 * partial unique index): of concurrent requests for one account exactly one commits. Every writer
 * appends first and updates the read model after, so writers of one binding never deadlock.
 */
export class RequestBindingService {
  constructor(private readonly runtime: BindingRuntime) {}

  async request(subject: string, body: RequestBindingDto): Promise<{ id: string; status: 'PENDING_PROVIDER' }> {
    const { commands, bindings, clock } = this.runtime;
    if (!(await this.runtime.providers.isProvider(body.provider))) {
      throw new ProblemException(400, 'PROVIDER_NOT_REGISTERED', 'Bad Request', `${body.provider} is not a registered provider`, {
        errors: [{ field: 'provider', code: 'PROVIDER_NOT_REGISTERED', message: 'is not a registered provider' }],
      });
    }
    const inForce = agreementInForce(this.runtime.agreements, clock.now());
    if (body.agreementVersion !== inForce.version) {
      throw new ProblemException(409, 'AGREEMENT_VERSION_NOT_CURRENT', 'Conflict', `agreement version ${body.agreementVersion} is not the one in force; read GET /v1/subject/agreement and accept version ${inForce.version}`, { currentVersion: inForce.version });
    }
    const correlationId = currentCorrelationId() ?? randomUUID();
    const account = { number: body.accountNumber, type: body.accountType };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runtime.db.transaction(async (tx) => {
          const now = clock.now();
          const claim = await bindings.claimOf(tx, body.provider, account.number);
          if (claim && claim.status === 'PENDING_PROVIDER' && isPastExpiry(claim.requestedAt, now)) {
            // Expired before the sweep got to it: record that, and the account is free again.
            await commands.run(claim.bindingId, { type: 'ExpireBinding' }, { actor: { kind: 'system', id: 'binding' }, subject: claim.subject, correlationId }, tx);
          } else if (claim?.subject === subject) {
            throw new ProblemException(409, 'BINDING_ALREADY_EXISTS', 'Conflict', 'this account is already bound (or awaiting its provider) for this enterprise', { bindingId: claim.bindingId });
          } else if (claim) {
            throw new ProblemException(409, 'ACCOUNT_ALREADY_BOUND', 'Conflict', 'this account cannot be bound now: it is bound to another data account');
          }
          const id = randomUUID();
          const context: AppendContext = { actor: { kind: 'enterprise', id: subject }, subject, correlationId };
          const current = agreementInForce(this.runtime.agreements, now);
          await commands.run(id, { type: 'RequestBinding', bindingId: id, subject, provider: body.provider, account, agreementVersion: body.agreementVersion, currentAgreement: current }, context, tx);
          return { id, status: 'PENDING_PROVIDER' as const };
        });
      } catch (error) {
        // A concurrent request claimed the account, or changed the expired claim we were closing: look again.
        if ((error instanceof AccountClaimRace || error instanceof StreamVersionConflictError) && attempt < ATTEMPTS) continue;
        if (error instanceof AccountClaimRace) throw new ProblemException(409, 'ACCOUNT_ALREADY_BOUND', 'Conflict', 'this account cannot be bound now: it is bound to another data account');
        throw problemFor(error);
      }
    }
  }
}
