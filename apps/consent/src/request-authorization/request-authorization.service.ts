import { randomUUID } from 'node:crypto';
import type { CreateAuthorizationRequestDto } from '@cfc/api';
import type { InstitutionId } from '@cfc/contracts';
import type { AuthorizationStreams } from '../authorizations/authorization.streams';
import { activeBindingsOf, type BindingDirectory } from '../bindings/binding-directory.port';
import { RuleViolated } from '../domain/authorization/authorization.errors';
import { purposeViolations } from '../domain/authorization/purpose-catalogue';
import { accountsNotActive, answeringRefusals, subjectNotFound } from '../consent.problems';
import type { SubjectDirectory } from '../subjects/subject-directory.port';

/** A lender asks an enterprise for authorisation: template rules, the subject exists, named accounts are its active bindings. */
export class RequestAuthorizationService {
  constructor(
    private readonly streams: AuthorizationStreams,
    private readonly subjects: SubjectDirectory,
    private readonly bindings: BindingDirectory,
  ) {}

  async request(lender: InstitutionId, body: CreateAuthorizationRequestDto, correlationId: string): Promise<{ id: string; status: 'PENDING' }> {
    return answeringRefusals(async () => {
      // The template's rules first: they need no other service (the decider checks them again).
      const violations = purposeViolations(body);
      if (violations.length > 0) throw new RuleViolated(violations[0].rule, violations.map((v) => v.detail).join('; '), violations);
      if (!(await this.subjects.exists(body.subject))) throw subjectNotFound();
      if (body.accounts) {
        const active = await activeBindingsOf(this.bindings, body.subject, body.accounts);
        const refused = body.accounts.filter((a) => !active.has(a));
        if (refused.length > 0) throw accountsNotActive(refused);
      }
      const id = randomUUID();
      const { subject, purpose, products, months, validDays, accounts, queryLimit } = body;
      const command = { type: 'RequestAuthorization' as const, authorizationId: id, subject, lender, purpose, products, months, validDays, ...(accounts ? { accounts } : {}), ...(queryLimit ? { queryLimit: { count: queryLimit.count, perDays: queryLimit.perDays } } : {}) };
      await this.streams.execute(id, command, { kind: 'institution', id: lender }, subject, correlationId);
      return { id, status: 'PENDING' as const };
    });
  }
}
