import { institutionIdSchema, timestampSchema, usccSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';
import { challengeRefSchema } from './challenge-ref';
import { identityLoginEventContractsV1 } from './identity.events.v1';
import { subjectServiceEventContracts } from './subject-services.events';

// Identity's domain events (stream ids: login-challenge-<challengeRef>, data-account-<uscc>, institution-<id>).
// None carries personal ID numbers, codes, code hashes, secrets or a challenge id (a capability; events
// carry its challengeRef): login code hashes (identity.login_codes) and client secret hashes
// (identity.client_secrets) never leave identity's database. Login events are at version 2 (v1 carried
// the challenge id, identity.events.v1.ts).
export type LoginFailureReason = 'IDENTITY_MISMATCH' | 'WRONG_CODE' | 'EXPIRED' | 'ALREADY_USED' | 'LOCKED';
export type InstitutionRole = 'PROVIDER' | 'USER' | 'REGULATOR';

export type LoginChallengeIssuedData = { challengeRef: string; uscc: string; issuedAt: string; expiresAt: string };
/**
 * `failedAttempts` counts wrong codes from the client that requested the challenge (five lock it);
 * `otherClientFailedAttempts` those from any other client (five shut others out, never the requester).
 */
export type SubjectLoginFailedData = {
  challengeRef: string;
  uscc: string;
  reason: LoginFailureReason;
  fromRequestingClient: boolean;
  failedAttempts: number;
  otherClientFailedAttempts: number;
  at: string;
};
export type LoginChallengeLockedData = { challengeRef: string; uscc: string; at: string };
export type SubjectLoggedInData = { challengeRef: string; uscc: string; at: string };
export type DataAccountOpenedData = { uscc: string; openedAt: string; challengeRef: string };
export type InstitutionRegisteredData = { institutionId: string; name: string; roles: InstitutionRole[]; at: string };
/** A new client secret was set; its scrypt hash stays in identity's own table under secretId. */
export type InstitutionClientRegisteredData = { institutionId: string; clientId: string; secretId: string; at: string };
export type ProviderKeyRegisteredData = { institutionId: string; keyId: string; publicKeyPem: string; at: string };
export type ProviderKeyRevokedData = { institutionId: string; keyId: string; at: string };
export type SubjectLoggedOutData = { uscc: string; tokenId: string; at: string };

const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object', required: Object.keys(properties), additionalProperties: false, properties,
});
const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const text: JsonSchema = { type: 'string', minLength: 1, maxLength: 4000 };
const count: JsonSchema = { type: 'integer', minimum: 0 };

export const loginChallengeIssued = defineEvent<LoginChallengeIssuedData>()('login-challenge.issued', 2,
  object({ challengeRef: challengeRefSchema, uscc: usccSchema, issuedAt: timestampSchema, expiresAt: timestampSchema }));
export const subjectLoginFailed = defineEvent<SubjectLoginFailedData>()('subject.login-failed', 2,
  object({
    challengeRef: challengeRefSchema, uscc: usccSchema, reason: { enum: ['IDENTITY_MISMATCH', 'WRONG_CODE', 'EXPIRED', 'ALREADY_USED', 'LOCKED'] },
    fromRequestingClient: { type: 'boolean' }, failedAttempts: count, otherClientFailedAttempts: count, at: timestampSchema,
  }));
export const loginChallengeLocked = defineEvent<LoginChallengeLockedData>()('login-challenge.locked', 2,
  object({ challengeRef: challengeRefSchema, uscc: usccSchema, at: timestampSchema }));
export const subjectLoggedIn = defineEvent<SubjectLoggedInData>()('subject.logged-in', 2,
  object({ challengeRef: challengeRefSchema, uscc: usccSchema, at: timestampSchema }));
export const subjectLoggedOut = defineEvent<SubjectLoggedOutData>()('subject.logged-out', 1,
  object({ uscc: usccSchema, tokenId: id, at: timestampSchema }));
export const dataAccountOpened = defineEvent<DataAccountOpenedData>()('data-account.opened', 2,
  object({ uscc: usccSchema, openedAt: timestampSchema, challengeRef: challengeRefSchema }));
export const institutionRegistered = defineEvent<InstitutionRegisteredData>()('institution.registered', 1,
  object({ institutionId: institutionIdSchema, name: text, roles: { type: 'array', minItems: 1, items: { enum: ['PROVIDER', 'USER', 'REGULATOR'] } }, at: timestampSchema }));
export const institutionClientRegistered = defineEvent<InstitutionClientRegisteredData>()('institution.client-registered', 1,
  object({ institutionId: institutionIdSchema, clientId: id, secretId: id, at: timestampSchema }));
export const providerKeyRegistered = defineEvent<ProviderKeyRegisteredData>()('provider-key.registered', 1,
  object({ institutionId: institutionIdSchema, keyId: id, publicKeyPem: text, at: timestampSchema }));
export const providerKeyRevoked = defineEvent<ProviderKeyRevokedData>()('provider-key.revoked', 1,
  object({ institutionId: institutionIdSchema, keyId: id, at: timestampSchema }));

/** Every identity event contract (login events at versions 1 and 2), for the event store's registry and for consumers. */
export const identityEventContracts = [
  ...identityLoginEventContractsV1,
  loginChallengeIssued, subjectLoginFailed, loginChallengeLocked, subjectLoggedIn, subjectLoggedOut, dataAccountOpened,
  institutionRegistered, institutionClientRegistered, providerKeyRegistered, providerKeyRevoked,
  ...subjectServiceEventContracts,
] as const;

/** Identity events that belong on the audit stream (logins, failed logins, account opening, logout; messages and declarations). */
export const IDENTITY_AUDITED_EVENT_TYPES = [
  'subject.logged-in', 'subject.login-failed', 'data-account.opened', 'subject.logged-out', 'login-challenge.locked',
  'message.left', 'message.replied', 'declaration.made', 'declaration.withdrawn',
] as const;
