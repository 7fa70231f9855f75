"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InstitutionService = void 0;
const node_crypto_1 = require("node:crypto");
const eventing_1 = require("@cfc/eventing");
const institution_decider_1 = require("../domain/institution/institution.decider");
const institution_events_1 = require("../domain/institution/institution.events");
const SYSTEM = { actor: { kind: 'system', id: 'identity' }, correlationId: 'identity-registry' };
/** Institution registry: commands go through the decider; lookups read identity's own event store. */
class InstitutionService {
    store;
    db;
    handler;
    constructor(store, db) {
        this.store = store;
        this.db = db;
        this.handler = new eventing_1.CommandHandler(store, {
            initialState: institution_decider_1.initialInstitutionState,
            evolve: institution_decider_1.evolveInstitution,
            decide: (command, state) => (0, institution_decider_1.decideInstitution)(command, state),
        });
    }
    /** Runs one command on an institution's stream. */
    async handle(institutionId, command, context = SYSTEM) {
        return (await this.handler.handle((0, institution_events_1.institutionStreamId)(institutionId), command, context)).state;
    }
    /** The institution's current state (roles, clients, keys), folded from its stream. */
    async get(institutionId) {
        const stream = await this.store.readStream((0, institution_events_1.institutionStreamId)(institutionId));
        return stream.events.reduce((s, e) => (0, institution_decider_1.evolveInstitution)(s, { type: e.type, data: e.data }), (0, institution_decider_1.initialInstitutionState)());
    }
    /** Sets a client's secret: the event (naming a new secretId) and the scrypt hash are written together. */
    async registerClient(institutionId, clientId, secretHash, now) {
        const secretId = (0, node_crypto_1.randomUUID)();
        await this.db.transaction(async (tx) => {
            await this.handler.handle((0, institution_events_1.institutionStreamId)(institutionId), { type: 'RegisterClient', clientId, secretId, now }, SYSTEM, tx);
            await tx.query(`INSERT INTO identity.client_secrets (secret_id, institution_id, client_id, secret_hash) VALUES ($1, $2, $3, $4)`, [secretId, institutionId, clientId, secretHash]);
        });
    }
    /** The client's institution and current secret hash, if the event log still names that secret as current. */
    async clientCredential(clientId) {
        const { rows } = await this.db.query(`SELECT institution_id, secret_id, secret_hash FROM identity.client_secrets WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1`, [clientId]);
        if (!rows[0])
            return undefined;
        const institution = await this.get(rows[0].institution_id);
        return institution.clients[clientId] === rows[0].secret_id ? { institution, secretHash: rows[0].secret_hash } : undefined;
    }
    /** Registered institutions (holding `role`, when given), from their registration events; by id. */
    async institutions(role) {
        // An institution registers once (the decider ignores a second registration), so its first event is its entry.
        const { rows } = await this.db.query(`SELECT DISTINCT ON (stream_id) data FROM eventing.events WHERE type = 'institution.registered' ORDER BY stream_id, position`);
        return rows
            .map(({ data }) => ({ institutionId: data.institutionId, name: data.name, roles: data.roles }))
            .filter((entry) => role === undefined || entry.roles.includes(role))
            .sort((a, b) => a.institutionId.localeCompare(b.institutionId));
    }
    /** Every provider key ever registered, with its status: what verifyProviderMessage checks against. */
    async providerKeys() {
        const { rows } = await this.db.query(`SELECT type, data FROM eventing.events WHERE type IN ('provider-key.registered', 'provider-key.revoked') ORDER BY position`);
        const keys = new Map();
        for (const { type, data } of rows) {
            const id = `${data.institutionId}/${data.keyId}`;
            if (type === 'provider-key.registered')
                keys.set(id, { institutionId: data.institutionId, keyId: data.keyId, publicKeyPem: data.publicKeyPem ?? '', status: 'ACTIVE' });
            else
                keys.set(id, { ...keys.get(id), status: 'REVOKED' });
        }
        return [...keys.values()];
    }
}
exports.InstitutionService = InstitutionService;
//# sourceMappingURL=institution.service.js.map