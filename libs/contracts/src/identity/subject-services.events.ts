import type { Uscc } from '../common/common.types';
import { periodSchema, timestampSchema, usccSchema, uuidSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';
import { DECLARATION_TEXT_MAX_CHARACTERS, MESSAGE_TEXT_MAX_CHARACTERS } from './subject-text';

// The data account's subject services (信息主体服务), owned by identity and published on
// cfc.identity.events.v1 with the enterprise as subject: messages to the platform operator (留言) and
// declarations (声明) that every report touching their scope prints. Streams: message-<messageId>,
// declaration-<declarationId>. Texts are exactly as the enterprise wrote them.

export type MessageLeftData = { messageId: string; uscc: Uscc; text: string; leftAt: string };
/** The operator's answer; the operator acts as `{ kind: 'system', id: 'identity-operator' }`. */
export type MessageRepliedData = { messageId: string; uscc: Uscc; text: string; repliedAt: string };

/** REPORT: every report of the enterprise; ACCOUNT: reports that include the binding; MONTH: reports that include that month of it. */
export type DeclarationScope = 'REPORT' | 'ACCOUNT' | 'MONTH';
export const DECLARATION_SCOPES: readonly DeclarationScope[] = ['REPORT', 'ACCOUNT', 'MONTH'];

/** The scope fields: bindingId for ACCOUNT and MONTH, period for MONTH only. */
export type DeclarationScopeFields = { scope: DeclarationScope; bindingId?: string; period?: string };
export type DeclarationMadeData = { declarationId: string; uscc: Uscc; text: string; madeAt: string } & DeclarationScopeFields;
/** Withdrawn: no longer printed. The declaration and this event stay in the log and the audit stream. */
export type DeclarationWithdrawnData = { declarationId: string; uscc: Uscc; withdrawnAt: string } & DeclarationScopeFields;

const bindingId: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' };
const text = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max });

const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  properties,
});

// The scope and its fields agree: REPORT names neither, ACCOUNT a binding only, MONTH both. (ajv's strict
// mode wants every property a subschema requires declared beside it, hence the empty schemas.)
const scopeRules: JsonSchema[] = [
  { if: { properties: { scope: { const: 'REPORT' } } }, then: { not: { anyOf: [{ required: ['bindingId'], properties: { bindingId: {} } }, { required: ['period'], properties: { period: {} } }] } } },
  { if: { properties: { scope: { const: 'ACCOUNT' } } }, then: { required: ['bindingId'], properties: { bindingId: {} }, not: { required: ['period'], properties: { period: {} } } } },
  { if: { properties: { scope: { const: 'MONTH' } } }, then: { required: ['bindingId', 'period'], properties: { bindingId: {}, period: {} } } },
];
const scoped = (properties: Record<string, JsonSchema>): JsonSchema => ({
  ...object({ ...properties, scope: { enum: [...DECLARATION_SCOPES] }, bindingId, period: periodSchema }, ['bindingId', 'period']),
  allOf: scopeRules,
});

export const messageLeft = defineEvent<MessageLeftData>()('message.left', 1,
  object({ messageId: uuidSchema, uscc: usccSchema, text: text(MESSAGE_TEXT_MAX_CHARACTERS), leftAt: timestampSchema }));
export const messageReplied = defineEvent<MessageRepliedData>()('message.replied', 1,
  object({ messageId: uuidSchema, uscc: usccSchema, text: text(MESSAGE_TEXT_MAX_CHARACTERS), repliedAt: timestampSchema }));
export const declarationMade = defineEvent<DeclarationMadeData>()('declaration.made', 1,
  scoped({ declarationId: uuidSchema, uscc: usccSchema, text: text(DECLARATION_TEXT_MAX_CHARACTERS), madeAt: timestampSchema }));
export const declarationWithdrawn = defineEvent<DeclarationWithdrawnData>()('declaration.withdrawn', 1,
  scoped({ declarationId: uuidSchema, uscc: usccSchema, withdrawnAt: timestampSchema }));

/** The subject services' event contracts (part of identityEventContracts). */
export const subjectServiceEventContracts = [messageLeft, messageReplied, declarationMade, declarationWithdrawn] as const;

/**
 * The activity-record kind of each subject-service event (CONTRACT "Enterprises": GET /v1/subject/activity):
 * every one of them goes on the audit stream.
 */
export const SUBJECT_SERVICE_ACTIVITY_KINDS = {
  'message.left': 'MESSAGE',
  'message.replied': 'MESSAGE',
  'declaration.made': 'DECLARATION',
  'declaration.withdrawn': 'DECLARATION',
} as const satisfies Record<(typeof subjectServiceEventContracts)[number]['type'], 'MESSAGE' | 'DECLARATION'>;
