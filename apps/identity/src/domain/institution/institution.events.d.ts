import type { InstitutionClientRegisteredData, InstitutionRegisteredData, InstitutionRole, ProviderKeyRegisteredData, ProviderKeyRevokedData } from '@cfc/contracts';
export type { InstitutionRole } from '@cfc/contracts';
export declare const INSTITUTION_ROLES: readonly InstitutionRole[];
export type InstitutionRegistered = {
    readonly type: 'institution.registered';
    readonly data: InstitutionRegisteredData;
};
/** The secret itself never leaves the request that set it: only its scrypt hash is recorded. */
export type InstitutionClientRegistered = {
    readonly type: 'institution.client-registered';
    readonly data: InstitutionClientRegisteredData;
};
export type ProviderKeyRegistered = {
    readonly type: 'provider-key.registered';
    readonly data: ProviderKeyRegisteredData;
};
export type ProviderKeyRevoked = {
    readonly type: 'provider-key.revoked';
    readonly data: ProviderKeyRevokedData;
};
export type InstitutionEvent = InstitutionRegistered | InstitutionClientRegistered | ProviderKeyRegistered | ProviderKeyRevoked;
/** Stream id of one institution. */
export declare function institutionStreamId(institutionId: string): string;
