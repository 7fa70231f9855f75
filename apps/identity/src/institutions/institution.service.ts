import { randomUUID } from 'node:crypto';
import { CommandHandler, type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { AppendContext } from '@cfc/eventing';
import type { InstitutionEntry, InstitutionRole, ProviderKey } from '@cfc/contracts';
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

  /** Sets a client's secret: the event (naming a new secretId) and the scrypt hash are written together. */
  async registerClient(institutionId: string, clientId: string, secretHash: string, now: string): Promise<void> {
    const secretId = randomUUID();
    await this.db.transaction(async (tx) => {
      await this.handler.handle(institutionStreamId(institutionId), { type: 'RegisterClient', clientId, secretId, now }, SYSTEM, tx);
      await tx.query(`INSERT INTO identity.client_secrets (secret_id, institution_id, client_id, secret_hash) VALUES ($1, $2, $3, $4)`, [secretId, institutionId, clientId, secretHash]);
    });
  }

  /** The client's institution and current secret hash, if the event log still names that secret as current. */
  async clientCredential(clientId: string): Promise<{ institution: InstitutionState; secretHash: string } | undefined> {
    const { rows } = await this.db.query<{ institution_id: string; secret_id: string; secret_hash: string }>(
      `SELECT institution_id, secret_id, secret_hash FROM identity.client_secrets WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [clientId],
    );
    if (!rows[0]) return undefined;
    const institution = await this.get(rows[0].institution_id);
    return institution.clients[clientId] === rows[0].secret_id ? { institution, secretHash: rows[0].secret_hash } : undefined;
  }

  /** Registered institutions (holding `role`, when given), from their registration events; by id. */
  async institutions(role?: InstitutionRole): Promise<InstitutionEntry[]> {
    // An institution registers once (the decider ignores a second registration), so its first event is its entry.
    const { rows } = await this.db.query<{ data: { institutionId: string; name: string; roles: InstitutionRole[] } }>(
      `SELECT DISTINCT ON (stream_id) data FROM eventing.events WHERE type = 'institution.registered' ORDER BY stream_id, position`,
    );
    return rows
      .map(({ data }) => ({ institutionId: data.institutionId, name: data.name, roles: data.roles }))
      .filter((entry) => role === undefined || entry.roles.includes(role))
      .sort((a, b) => a.institutionId.localeCompare(b.institutionId));
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
