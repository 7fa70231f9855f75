"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialInstitutionState = exports.InstitutionRuleViolation = void 0;
exports.decideInstitution = decideInstitution;
exports.evolveInstitution = evolveInstitution;
class InstitutionRuleViolation extends Error {
}
exports.InstitutionRuleViolation = InstitutionRuleViolation;
const initialInstitutionState = () => ({ roles: [], clients: {}, keys: {} });
exports.initialInstitutionState = initialInstitutionState;
const INSTITUTION_ID = /^[A-Z0-9]{4,20}$/;
/** decide(command, state) -> events; throws InstitutionRuleViolation when the command breaks a rule. */
function decideInstitution(command, state) {
    const institutionId = state.institutionId ?? '';
    const refuse = (why) => {
        throw new InstitutionRuleViolation(why);
    };
    switch (command.type) {
        case 'RegisterInstitution':
            if (state.institutionId)
                return [];
            if (!INSTITUTION_ID.test(command.institutionId))
                refuse('institutionId must match [A-Z0-9]{4,20}');
            if (command.roles.length === 0)
                refuse('an institution needs at least one role');
            return [{ type: 'institution.registered', data: { institutionId: command.institutionId, name: command.name, roles: [...new Set(command.roles)], at: command.now } }];
        case 'RegisterClient':
            if (!state.institutionId)
                refuse('unknown institution');
            if (!state.roles.includes('USER') && !state.roles.includes('REGULATOR'))
                refuse('only lenders and regulators call the HTTP API');
            if (state.clients[command.clientId] === command.secretId)
                return [];
            return [{ type: 'institution.client-registered', data: { institutionId, clientId: command.clientId, secretId: command.secretId, at: command.now } }];
        case 'RegisterProviderKey': {
            if (!state.roles.includes('PROVIDER'))
                refuse('only providers hold signing keys');
            const existing = state.keys[command.keyId];
            if (existing?.status === 'REVOKED')
                refuse(`key ${command.keyId} was revoked and cannot be reused`);
            if (existing)
                return existing.publicKeyPem === command.publicKeyPem ? [] : refuse(`key id ${command.keyId} is taken`);
            return [{ type: 'provider-key.registered', data: { institutionId, keyId: command.keyId, publicKeyPem: command.publicKeyPem, at: command.now } }];
        }
        case 'RevokeProviderKey': {
            const key = state.keys[command.keyId];
            if (!key)
                refuse(`no key ${command.keyId}`);
            return key?.status === 'REVOKED' ? [] : [{ type: 'provider-key.revoked', data: { institutionId, keyId: command.keyId, at: command.now } }];
        }
        default: {
            const unknown = command;
            throw new Error(`unknown command ${JSON.stringify(unknown)}`);
        }
    }
}
/** evolve(state, event) -> state. */
function evolveInstitution(state, event) {
    switch (event.type) {
        case 'institution.registered':
            return { ...state, institutionId: event.data.institutionId, name: event.data.name, roles: event.data.roles };
        case 'institution.client-registered':
            return { ...state, clients: { ...state.clients, [event.data.clientId]: event.data.secretId } };
        case 'provider-key.registered':
            return { ...state, keys: { ...state.keys, [event.data.keyId]: { publicKeyPem: event.data.publicKeyPem, status: 'ACTIVE' } } };
        case 'provider-key.revoked': {
            const key = state.keys[event.data.keyId];
            return key ? { ...state, keys: { ...state.keys, [event.data.keyId]: { ...key, status: 'REVOKED' } } } : state;
        }
        default: {
            const unknown = event;
            throw new Error(`unknown event ${JSON.stringify(unknown)}`);
        }
    }
}
//# sourceMappingURL=institution.decider.js.map