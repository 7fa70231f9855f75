import { accountTypeSchema, defineEvent, institutionIdSchema, periodSchema, PRODUCTS, timestampSchema, usccSchema, uuidSchema, type JsonSchema, type Product } from '@cfc/contracts';

// Contracts of audited events that other contexts are still building, so that their mapping is ready when
// their events appear. query.performed: the report service's shape (report branch, libs/contracts/src/report).
// When that lands in @cfc/contracts, the runtime prefers the library's contract (contract-registry.ts), and
// this file and its import go.

export interface PendingQueryPerformedData {
  queryId: string;
  reportId: string;
  kind: 'INSTITUTION' | 'SELF';
  subject: string;
  requester: { kind: 'institution' | 'enterprise'; id: string };
  authorizationId?: string;
  product: Product;
  accounts: Array<{ bindingId: string; provider: string; accountType: 'BASIC' | 'GENERAL' | 'PAYMENT'; accountNumber: string }>;
  period: { from: string; to: string; months: number };
  reportSha256: string;
  reportBytes: number;
  schemaVersion: number;
  catalogueVersion: number;
  performedAt: string;
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object', additionalProperties: false, properties, required: Object.keys(properties).filter((k) => !optional.includes(k)),
});

export const pendingQueryPerformed = defineEvent<PendingQueryPerformedData>()('query.performed', 1, object({
  queryId: uuidSchema,
  reportId: uuidSchema,
  kind: { enum: ['INSTITUTION', 'SELF'] },
  subject: usccSchema,
  requester: object({ kind: { enum: ['institution', 'enterprise'] }, id }),
  authorizationId: id,
  product: { enum: [...PRODUCTS] },
  accounts: { type: 'array', maxItems: 100, items: object({ bindingId: id, provider: institutionIdSchema, accountType: accountTypeSchema, accountNumber: { type: 'string', pattern: '^[0-9]{0,4}\\*+[0-9]{4}$' } }) },
  period: object({ from: periodSchema, to: periodSchema, months: { type: 'integer', minimum: 1, maximum: 36 } }),
  reportSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  reportBytes: { type: 'integer', minimum: 1 },
  schemaVersion: { type: 'integer', minimum: 1 },
  catalogueVersion: { type: 'integer', minimum: 1 },
  performedAt: timestampSchema,
}, ['authorizationId']));

/** Every pending contract; a library contract of the same type and version takes precedence. */
export const pendingContracts = [pendingQueryPerformed] as const;
