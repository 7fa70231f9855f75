import { randomUUID } from 'node:crypto';
import { DECLARATION_TEXT_MAX_CHARACTERS, type DeclarationScope } from '@cfc/contracts';
import { CommandHandler, type AppendContext, type PostgresEventStore, type SqlDatabase, type SqlExecutor } from '@cfc/eventing';
import { decideDeclaration, DeclarationRuleViolation, evolveDeclaration, initialDeclarationState, type DeclarationCommand, type DeclarationState } from '../domain/declaration/declaration.decider';
import { declarationStreamId, type DeclarationEvent } from '../domain/declaration/declaration.events';
import { bindingNotActive, bindingNotFound, declarationLimitReached, subjectServiceProblem } from '../subject-services.problems';
import type { BindingOwnershipCheck } from './binding-ownership';
import { projectDeclarationEvent } from './declarations.projection';

export interface DeclarationView {
  id: string;
  text: string;
  scope: DeclarationScope;
  bindingId?: string;
  period?: string;
  at: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  withdrawnAt?: string;
}

/** Every active declaration is printed in each report it touches: a bound on them bounds the reports. */
export const ACTIVE_DECLARATIONS_MAX = 50;

interface Row { declaration_id: string; text: string; scope: DeclarationScope; binding_id: string | null; period: string | null; made_at: Date; withdrawn_at: Date | null }
const viewOf = (r: Row): DeclarationView => ({
  id: r.declaration_id,
  text: r.text,
  scope: r.scope,
  ...(r.binding_id === null ? {} : { bindingId: r.binding_id }),
  ...(r.period === null ? {} : { period: r.period }),
  at: r.made_at.toISOString(),
  status: r.withdrawn_at ? 'WITHDRAWN' : 'ACTIVE',
  ...(r.withdrawn_at ? { withdrawnAt: r.withdrawn_at.toISOString() } : {}),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Declarations (声明): made on the whole report, one of the enterprise's ACTIVE bindings (asked of binding)
 * or one month of it; withdrawn, never erased. Each command appends its event (the outbox of
 * cfc.identity.events.v1) and updates identity.declarations in the same transaction.
 */
export class DeclarationsService {
  private readonly handler: CommandHandler<DeclarationCommand, DeclarationEvent, DeclarationState>;

  constructor(
    store: PostgresEventStore,
    private readonly db: SqlDatabase,
    private readonly bindings: BindingOwnershipCheck,
    private readonly now: () => Date,
  ) {
    this.handler = new CommandHandler(store, { initialState: initialDeclarationState, evolve: evolveDeclaration, decide: decideDeclaration });
  }

  async declare(uscc: string, body: { text: string; bindingId?: string; period?: string }, correlationId: string): Promise<{ id: string; at: string }> {
    const now = this.now();
    const id = randomUUID();
    const command: DeclarationCommand = { type: 'MakeDeclaration', declarationId: id, uscc, text: body.text, bindingId: body.bindingId, period: body.period, now };
    // The rules that need nobody else first (text, month), so a bad body costs no call to binding.
    try {
      decideDeclaration(command, initialDeclarationState());
    } catch (error) {
      throw subjectServiceProblem(error, DECLARATION_TEXT_MAX_CHARACTERS);
    }
    if (body.bindingId !== undefined) {
      const ownership = await this.bindings.ownership(uscc, body.bindingId);
      if (ownership.kind === 'NOT_FOUND') throw bindingNotFound();
      if (ownership.kind === 'NOT_ACTIVE') throw bindingNotActive(ownership.status);
    }
    await this.run(id, command, uscc, correlationId, async (tx) => {
      // One enterprise's declarations are made one at a time, so the bound holds under concurrency.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('cfc.identity.declarations'), hashtext($1))`, [uscc]);
      const { rows } = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM identity.declarations WHERE uscc = $1 AND withdrawn_at IS NULL`, [uscc]);
      if (Number(rows[0].n) >= ACTIVE_DECLARATIONS_MAX) throw declarationLimitReached(ACTIVE_DECLARATIONS_MAX);
    });
    return { id, at: now.toISOString() };
  }

  /** Withdraws one of the enterprise's own declarations; anyone else's is DECLARATION_NOT_FOUND. */
  async withdraw(uscc: string, declarationId: string, correlationId: string): Promise<DeclarationView> {
    // Not an id we hand out: no such declaration (and no malformed uuid reaches PostgreSQL).
    if (!UUID.test(declarationId)) throw subjectServiceProblem(new DeclarationRuleViolation('DECLARATION_NOT_FOUND'), DECLARATION_TEXT_MAX_CHARACTERS);
    await this.run(declarationId, { type: 'WithdrawDeclaration', uscc, now: this.now() }, uscc, correlationId);
    const { rows } = await this.db.query<Row>(`SELECT * FROM identity.declarations WHERE declaration_id = $1`, [declarationId]);
    return viewOf(rows[0]);
  }

  /** The enterprise's own declarations, newest first, withdrawn ones included unless a status is asked for. */
  async ofEnterprise(uscc: string, status?: 'ACTIVE' | 'WITHDRAWN'): Promise<DeclarationView[]> {
    const filter = status === 'ACTIVE' ? 'AND withdrawn_at IS NULL' : status === 'WITHDRAWN' ? 'AND withdrawn_at IS NOT NULL' : '';
    const { rows } = await this.db.query<Row>(`SELECT * FROM identity.declarations WHERE uscc = $1 ${filter} ORDER BY made_at DESC, declaration_id`, [uscc]);
    return rows.map(viewOf);
  }

  private async run(declarationId: string, command: DeclarationCommand, uscc: string, correlationId: string, before?: (tx: SqlExecutor) => Promise<void>): Promise<void> {
    const context: AppendContext = { actor: { kind: 'enterprise', id: uscc }, subject: uscc, correlationId };
    try {
      await this.db.transaction(async (tx) => {
        await before?.(tx);
        const { events } = await this.handler.handle(declarationStreamId(declarationId), command, context, tx);
        for (const e of events) await projectDeclarationEvent(tx, { type: e.type, data: e.data } as DeclarationEvent, e.streamVersion);
      });
    } catch (error) {
      throw subjectServiceProblem(error, DECLARATION_TEXT_MAX_CHARACTERS);
    }
  }
}

