import type { FundAccount, InstitutionId, Uscc } from '../common/common.types';
import { accountSchema, institutionIdSchema, periodSchema, timestampSchema, usccSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// Objections (异议, 征信业管理条例 Art. 25) on cfc.ingestion.events.v1: stream objection-<objectionId>,
// subject = the enterprise. Each carries bindingId, period and the status it leads to, so a read model
// (the report's disputed-month marks, the audit's OBJECTION activity) needs no other source.

export type ObjectionStatus = 'SUBMITTED' | 'CORRECTED' | 'UPHELD' | 'OVERDUE';

/** The statistics an objection may name, by path (empty: the whole record). */
export const OBJECTION_FIELDS = [
  'inflow', 'inflow.amount', 'inflow.count', 'outflow', 'outflow.amount', 'outflow.count',
  'cash', 'cash.deposit', 'cash.deposit.amount', 'cash.deposit.count', 'cash.withdrawal', 'cash.withdrawal.amount', 'cash.withdrawal.count',
  'counterparties', 'balance', 'balance.end', 'balance.averageDaily', 'balance.min', 'balance.max',
  'features', 'features.activeDays', 'features.largestInflow', 'features.largestOutflow', 'features.zeroBalanceDays', 'features.topCounterpartyShare',
] as const;

/** The enterprise disputes one month of one active binding; the provider is told, and must answer by dueBy. */
export type ObjectionRaisedData = {
  objectionId: string;
  bindingId: string;
  subject: Uscc;
  provider: InstitutionId;
  /** Full number: this topic is CFC's own (the audit and reports mask it). */
  account: FundAccount;
  period: string;
  fields: string[];
  /** As the enterprise wrote it (plain text, never markup). */
  reason: string;
  /** The revision of that month current when the objection was raised. */
  disputedRevision: number;
  status: 'SUBMITTED';
  raisedAt: string;
  /** raisedAt + 20 days. */
  dueBy: string;
};

/** The provider's signed answer: CORRECTED with the revision carrying the corrected figures, or UPHELD with a note. */
export type ObjectionResolvedData = {
  objectionId: string;
  bindingId: string;
  subject: Uscc;
  provider: InstitutionId;
  period: string;
  outcome: 'CORRECTED' | 'UPHELD';
  status: 'CORRECTED' | 'UPHELD';
  note?: string;
  disputedRevision: number;
  correctedRevision?: number;
  resolvedAt: string;
  dueBy: string;
  /** Answered after dueBy (the objection had gone OVERDUE). */
  late: boolean;
};

/** dueBy passed without an answer (recorded by the sweep; reads say OVERDUE from dueBy on regardless). */
export type ObjectionOverdueData = {
  objectionId: string;
  bindingId: string;
  subject: Uscc;
  provider: InstitutionId;
  period: string;
  status: 'OVERDUE';
  dueBy: string;
  overdueAt: string;
};

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const revision: JsonSchema = { type: 'integer', minimum: 1 };
const common = { objectionId: id, bindingId: id, subject: usccSchema, provider: institutionIdSchema, period: periodSchema, dueBy: timestampSchema };
const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  additionalProperties: false,
  properties,
});

export const objectionRaisedEvent = defineEvent<ObjectionRaisedData>()('objection.raised', 1, object({
  ...common,
  account: accountSchema,
  fields: { type: 'array', maxItems: OBJECTION_FIELDS.length, uniqueItems: true, items: { enum: [...OBJECTION_FIELDS] } },
  reason: { type: 'string', minLength: 1, maxLength: 2000 },
  disputedRevision: revision,
  status: { const: 'SUBMITTED' },
  raisedAt: timestampSchema,
}));

export const objectionResolvedEvent = defineEvent<ObjectionResolvedData>()('objection.resolved', 1, object({
  ...common,
  outcome: { enum: ['CORRECTED', 'UPHELD'] },
  status: { enum: ['CORRECTED', 'UPHELD'] },
  note: { type: 'string', minLength: 1, maxLength: 2000 },
  disputedRevision: revision,
  correctedRevision: revision,
  resolvedAt: timestampSchema,
  late: { type: 'boolean' },
}, ['note', 'correctedRevision']));

export const objectionOverdueEvent = defineEvent<ObjectionOverdueData>()('objection.overdue', 1, object({
  ...common,
  status: { const: 'OVERDUE' },
  overdueAt: timestampSchema,
}));
