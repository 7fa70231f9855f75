import type { InstitutionEvent, InstitutionRole } from './institution.events';
export interface InstitutionState {
    institutionId?: string;
    name?: string;
    roles: InstitutionRole[];
    /** clientId -> id of its current secret (the hash itself is kept outside the event log). */
    clients: Record<string, string>;
    keys: Record<string, {
        publicKeyPem: string;
        status: 'ACTIVE' | 'REVOKED';
    }>;
}
export type InstitutionCommand = {
    type: 'RegisterInstitution';
    institutionId: string;
    name: string;
    roles: InstitutionRole[];
    now: string;
} | {
    type: 'RegisterClient';
    clientId: string;
    secretId: string;
    now: string;
} | {
    type: 'RegisterProviderKey';
    keyId: string;
    publicKeyPem: string;
    now: string;
} | {
    type: 'RevokeProviderKey';
    keyId: string;
    now: string;
};
export declare class InstitutionRuleViolation extends Error {
}
export declare const initialInstitutionState: () => InstitutionState;
/** decide(command, state) -> events; throws InstitutionRuleViolation when the command breaks a rule. */
export declare function decideInstitution(command: InstitutionCommand, state: InstitutionState): InstitutionEvent[];
/** evolve(state, event) -> state. */
export declare function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState;
