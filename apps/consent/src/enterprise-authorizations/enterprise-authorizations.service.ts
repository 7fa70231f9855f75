import type { ExtendAuthorizationRequestDto, GrantAuthorizationRequestDto } from '@cfc/api';
import type { Uscc } from '@cfc/contracts';
import { type Clock, ProblemException } from '@cfc/platform';
import type { AuthorizationStreams } from '../authorizations/authorization.streams';
import { activeBindingsOf, type BindingDirectory } from '../bindings/binding-directory.port';
import { accountsNotActive, answeringRefusals, authorizationNotFound } from '../consent.problems';
import { authorizationFor, type AuthorizationCommand } from '../domain/authorization/authorization.decider';
import type { AuthorizationAction } from '../domain/authorization/authorization.errors';
import type { Authorization } from '../domain/authorization/authorization.state';
import type { AuthorizationView } from '../domain/authorization/authorization.view';

type SimpleAction = Exclude<AuthorizationAction, 'grant' | 'extend'>;
const SIMPLE_COMMANDS = { reject: 'RejectAuthorization', revoke: 'RevokeAuthorization', pause: 'PauseAuthorization', resume: 'ResumeAuthorization' } as const;

/** The enterprise answers and manages the authorisations asked of it; someone else's is 404. */
export class EnterpriseAuthorizationsService {
  constructor(
    private readonly streams: AuthorizationStreams,
    private readonly bindings: BindingDirectory,
    private readonly clock: Clock,
  ) {}

  async view(uscc: Uscc, id: string): Promise<AuthorizationView> {
    const view = await this.streams.view(id);
    if (!view || view.subject !== uscc) throw authorizationNotFound();
    return view;
  }

  /** Grants the request: the accounts given (its own active bindings), else those the lender named that are still active, else all its active ones. */
  grant(uscc: Uscc, id: string, body: GrantAuthorizationRequestDto, correlationId: string): Promise<AuthorizationView> {
    return answeringRefusals(async () => {
      const current = await this.allowing(uscc, id, 'grant');
      let accounts: string[];
      if (body.accounts) accounts = await this.ownActive(uscc, body.accounts);
      else if (current.request.accounts) {
        // In the order the lender named them: binding's status API answers in an order of its own.
        const active = await activeBindingsOf(this.bindings, uscc, current.request.accounts);
        accounts = current.request.accounts.filter((a) => active.has(a));
      }
      else accounts = (await this.bindings.activeOf(uscc)).map((b) => b.bindingId);
      return this.run(uscc, id, { type: 'GrantAuthorization', by: uscc, accounts }, correlationId);
    });
  }

  /** Adds accounts (its own active bindings) and/or days. */
  extend(uscc: Uscc, id: string, body: ExtendAuthorizationRequestDto, correlationId: string): Promise<AuthorizationView> {
    return answeringRefusals(async () => {
      if (!body.addAccounts?.length && body.extendDays === undefined) {
        const errors = [{ field: 'extendDays', code: 'EXTENSION_EMPTY', message: 'give addAccounts, extendDays or both' }];
        throw new ProblemException(400, 'VALIDATION_FAILED', 'Bad Request', 'extendDays: give addAccounts, extendDays or both', { errors });
      }
      await this.allowing(uscc, id, 'extend');
      const addAccounts = body.addAccounts?.length ? await this.ownActive(uscc, body.addAccounts) : [];
      return this.run(uscc, id, { type: 'ExtendAuthorization', by: uscc, addAccounts, extendDays: body.extendDays ?? 0 }, correlationId);
    });
  }

  /** reject, revoke (immediate: the next check refuses), pause, resume. */
  act(uscc: Uscc, id: string, action: SimpleAction, correlationId: string): Promise<AuthorizationView> {
    return answeringRefusals(() => this.run(uscc, id, { type: SIMPLE_COMMANDS[action], by: uscc }, correlationId));
  }

  // Refuses an illegal action before other services are asked (the decider decides again on append).
  private async allowing(uscc: Uscc, id: string, action: AuthorizationAction): Promise<Authorization> {
    const { state } = await this.streams.load(id);
    return authorizationFor(state, uscc, action, this.clock.now());
  }

  private async ownActive(uscc: Uscc, ids: readonly string[]): Promise<string[]> {
    const active = await activeBindingsOf(this.bindings, uscc, ids);
    const refused = ids.filter((a) => !active.has(a));
    if (refused.length > 0) throw accountsNotActive(refused);
    return [...ids];
  }

  private run(uscc: Uscc, id: string, command: AuthorizationCommand, correlationId: string): Promise<AuthorizationView> {
    return this.streams.execute(id, command, { kind: 'enterprise', id: uscc }, uscc, correlationId);
  }
}
