import { timestampSchema, usccSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Version 1 of the login events carried the live challengeId, a capability: whoever read the topic
// could send wrong codes for it and lock the owner's challenge. Kept so rows and messages written
// before version 2 still validate; identity upcasts them (challengeRefOf) on read.
export type LoginFailureReasonV1 = 'IDENTITY_MISMATCH' | 'WRONG_CODE' | 'EXPIRED' | 'ALREADY_USED' | 'LOCKED';
export type LoginChallengeIssuedDataV1 = { challengeId: string; uscc: string; issuedAt: string; expiresAt: string };
export type SubjectLoginFailedDataV1 = { challengeId: string; uscc: string; reason: LoginFailureReasonV1; failedAttempts: number; at: string };
export type LoginChallengeLockedDataV1 = { challengeId: string; uscc: string; at: string };
export type SubjectLoggedInDataV1 = { challengeId: string; uscc: string; at: string };
export type DataAccountOpenedDataV1 = { uscc: string; openedAt: string; challengeId: string };

const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object', required: Object.keys(properties), additionalProperties: false, properties,
});
const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };

export const loginChallengeIssuedV1 = defineEvent<LoginChallengeIssuedDataV1>()('login-challenge.issued', 1,
  object({ challengeId: id, uscc: usccSchema, issuedAt: timestampSchema, expiresAt: timestampSchema }));
export const subjectLoginFailedV1 = defineEvent<SubjectLoginFailedDataV1>()('subject.login-failed', 1,
  object({ challengeId: id, uscc: usccSchema, reason: { enum: ['IDENTITY_MISMATCH', 'WRONG_CODE', 'EXPIRED', 'ALREADY_USED', 'LOCKED'] }, failedAttempts: { type: 'integer', minimum: 0 }, at: timestampSchema }));
export const loginChallengeLockedV1 = defineEvent<LoginChallengeLockedDataV1>()('login-challenge.locked', 1,
  object({ challengeId: id, uscc: usccSchema, at: timestampSchema }));
export const subjectLoggedInV1 = defineEvent<SubjectLoggedInDataV1>()('subject.logged-in', 1,
  object({ challengeId: id, uscc: usccSchema, at: timestampSchema }));
export const dataAccountOpenedV1 = defineEvent<DataAccountOpenedDataV1>()('data-account.opened', 1,
  object({ uscc: usccSchema, openedAt: timestampSchema, challengeId: id }));

/** The version-1 login contracts (challengeId in clear), for old rows and messages. */
export const identityLoginEventContractsV1 = [loginChallengeIssuedV1, subjectLoginFailedV1, loginChallengeLockedV1, subjectLoggedInV1, dataAccountOpenedV1] as const;
