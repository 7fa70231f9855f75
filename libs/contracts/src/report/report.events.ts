import type { AccountType, InstitutionId, Uscc } from '../common/common.types';
import { accountTypeSchema, institutionIdSchema, periodSchema, timestampSchema, usccSchema, uuidSchema } from '../common/common.schema';
import { PRODUCTS, type Product } from '../consent/consent.events';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// The report service's domain events (stream query-<queryId>, subject = the enterprise's USCC), on
// cfc.report.events.v1, for the audit stream: what was disclosed, to whom, under which authorisation.

/** An account as the audit sees it: masked number only. */
export interface DisclosedAccount {
  bindingId: string;
  provider: InstitutionId;
  accountType: AccountType;
  /** maskAccountNumber: first and last four digits. */
  accountNumber: string;
}

/** One query answered with a report. INSTITUTION: a lender under an authorisation; SELF: the enterprise itself. */
export type QueryPerformedData = {
  queryId: string;
  reportId: string;
  kind: 'INSTITUTION' | 'SELF';
  subject: Uscc;
  /** Who asked: the lender (institution) or the enterprise. */
  requester: { kind: 'institution' | 'enterprise'; id: string };
  /** The authorisation the query was allowed under (INSTITUTION only). */
  authorizationId?: string;
  product: Product;
  accounts: DisclosedAccount[];
  period: { from: string; to: string; months: number };
  /** SHA-256 (hex) of the exact bytes of the report returned, and their length. */
  reportSha256: string;
  reportBytes: number;
  schemaVersion: number;
  catalogueVersion: number;
  performedAt: string;
};

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const disclosedAccountSchema: JsonSchema = {
  type: 'object',
  required: ['bindingId', 'provider', 'accountType', 'accountNumber'],
  additionalProperties: false,
  properties: { bindingId: id, provider: institutionIdSchema, accountType: accountTypeSchema, accountNumber: { type: 'string', pattern: '^[0-9]{0,4}\\*+[0-9]{4}$' } },
};

export const queryPerformed = defineEvent<QueryPerformedData>()('query.performed', 1, {
  type: 'object',
  required: ['queryId', 'reportId', 'kind', 'subject', 'requester', 'product', 'accounts', 'period', 'reportSha256', 'reportBytes', 'schemaVersion', 'catalogueVersion', 'performedAt'],
  additionalProperties: false,
  properties: {
    queryId: uuidSchema,
    reportId: uuidSchema,
    kind: { enum: ['INSTITUTION', 'SELF'] },
    subject: usccSchema,
    requester: {
      type: 'object',
      required: ['kind', 'id'],
      additionalProperties: false,
      properties: { kind: { enum: ['institution', 'enterprise'] }, id: { type: 'string', minLength: 1, maxLength: 100 } },
    },
    authorizationId: id,
    product: { enum: [...PRODUCTS] },
    accounts: { type: 'array', maxItems: 100, items: disclosedAccountSchema },
    period: {
      type: 'object',
      required: ['from', 'to', 'months'],
      additionalProperties: false,
      properties: { from: periodSchema, to: periodSchema, months: { type: 'integer', minimum: 1, maximum: 36 } },
    },
    reportSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    reportBytes: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    catalogueVersion: { type: 'integer', minimum: 1 },
    performedAt: timestampSchema,
  },
  // An institution's query names the authorisation it was allowed under; a self-query has none.
  // (ajv's strict mode wants each subschema to name the properties it requires.)
  if: { properties: { kind: { const: 'INSTITUTION' } } },
  then: { required: ['authorizationId'], properties: { authorizationId: id } },
  else: { not: { required: ['authorizationId'], properties: { authorizationId: id } } },
});

/** Every report event contract, for the event store's registry and for consumers (the audit). */
export const reportEventContracts = [queryPerformed] as const;

/** Report events that belong on the audit stream (all of them). */
export const REPORT_AUDITED_EVENT_TYPES = ['query.performed'] as const;
