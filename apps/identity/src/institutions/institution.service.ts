import { CommandHandler, type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { AppendContext } from '@cfc/eventing';
import type { ProviderKey } from '@cfc/contracts';
import { decideInstitution, evolveInstitution, initialInstitutionState, type InstitutionCommand, type InstitutionState } from '../domain/institution/institution.decider';
import { institutionStreamId, type InstitutionEvent } from '../domain/institution/institution.events';

const SYSTEM: AppendContext = { actor: { kind: 'system', id: 'identity' }, correlationId: 'identity-registry' };

/** Institution registry: commands go through the decider; lookups read identity's own event store. */
export class InstitutionService {
  private readonly handler: CommandHandler<InstitutionCommand, InstitutionEvent, InstitutionState>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly db: SqlDatabase,
  ) {
    this.handler = new CommandHandler(store, {
      initialState: initialInstitutionState,
      evolve: evolveInstitution,
      decide: (command: InstitutionCommand, state: InstitutionState) => decideInstitution(command, state),
    });
  }

  /** Runs one command on an institution's stream. */
  async handle(institutionId: string, command: InstitutionCommand, context: AppendContext = SYSTEM): Promise<InstitutionState> {
    return (await this.handler.handle(institutionStreamId(institutionId), command, context)).state;
  }

  /** The institution's current state (roles, clients, keys), folded from its stream. */
  async get(institutionId: string): Promise<InstitutionState> {
    const stream = await this.store.readStream(institutionStreamId(institutionId));
    return stream.events.reduce((s, e) => evolveInstitution(s, { type: e.type, data: e.data } as unknown as InstitutionEvent), initialInstitutionState());
  }

  /** Which institution owns an OAuth2 client id (the latest registration wins). */
  async institutionOfClient(clientId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ institution_id: string }>(
      `SELECT data->>'institutionId' AS institution_id FROM eventing.events
       WHERE type = 'institution.client-registered' AND data->>'clientId' = $1 ORDER BY position DESC LIMIT 1`,
      [clientId],
    );
    return rows[0]?.institution_id;
  }

  /** Every provider key ever registered, with its status: what verifyProviderMessage checks against. */
  async providerKeys(): Promise<ProviderKey[]> {
    const { rows } = await this.db.query<{ type: string; data: { institutionId: string; keyId: string; publicKeyPem?: string } }>(
      `SELECT type, data FROM eventing.events WHERE type IN ('provider-key.registered', 'provider-key.revoked') ORDER BY position`,
    );
    const keys = new Map<string, ProviderKey>();
    for (const { type, data } of rows) {
      const id = `${data.institutionId}/${data.keyId}`;
      if (type === 'provider-key.registered') keys.set(id, { institutionId: data.institutionId, keyId: data.keyId, publicKeyPem: data.publicKeyPem ?? '', status: 'ACTIVE' });
      else keys.set(id, { ...(keys.get(id) as ProviderKey), status: 'REVOKED' });
    }
    return [...keys.values()];
  }
}
