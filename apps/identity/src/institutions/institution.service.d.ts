import { type PostgresEventStore, type SqlDatabase } from '@cfc/eventing';
import type { AppendContext } from '@cfc/eventing';
import type { InstitutionEntry, InstitutionRole, ProviderKey } from '@cfc/contracts';
import { type InstitutionCommand, type InstitutionState } from '../domain/institution/institution.decider';
/** Institution registry: commands go through the decider; lookups read identity's own event store. */
export declare class InstitutionService {
    private readonly store;
    private readonly db;
    private readonly handler;
    constructor(store: PostgresEventStore, db: SqlDatabase);
    /** Runs one command on an institution's stream. */
    handle(institutionId: string, command: InstitutionCommand, context?: AppendContext): Promise<InstitutionState>;
    /** The institution's current state (roles, clients, keys), folded from its stream. */
    get(institutionId: string): Promise<InstitutionState>;
    /** Sets a client's secret: the event (naming a new secretId) and the scrypt hash are written together. */
    registerClient(institutionId: string, clientId: string, secretHash: string, now: string): Promise<void>;
    /** The client's institution and current secret hash, if the event log still names that secret as current. */
    clientCredential(clientId: string): Promise<{
        institution: InstitutionState;
        secretHash: string;
    } | undefined>;
    /** Registered institutions (holding `role`, when given), from their registration events; by id. */
    institutions(role?: InstitutionRole): Promise<InstitutionEntry[]>;
    /** Every provider key ever registered, with its status: what verifyProviderMessage checks against. */
    providerKeys(): Promise<ProviderKey[]>;
}
