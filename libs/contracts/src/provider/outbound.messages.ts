import type { FundAccount, InstitutionId, Uscc } from '../common/common.types';
import { accountSchema, institutionIdSchema, timestampSchema, usccSchema } from '../common/common.schema';
import { defineMessage } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';
import type { ObjectionRaised } from './objection.messages';

// Messages CFC writes to cfc.provider.<institutionId>.outbound.v1 (CONTRACT.md).

/** Asks the provider to confirm it holds the account, with the agreement the subject accepted. */
export interface BindingRequested {
  type: 'binding.requested';
  schemaVersion: 1;
  bindingId: string;
  subject: Uscc;
  account: FundAccount;
  agreement: { version: string; sha256: string; acceptedAt: string };
}

/** The enterprise unbound the account: the provider stops supplying statistics for it. */
export interface BindingEnded {
  type: 'binding.ended';
  schemaVersion: 1;
  bindingId: string;
  subject: Uscc;
  account: FundAccount;
  endedAt: string;
}

/** Some or all records of a submission were stored. */
export interface SubmissionAccepted {
  type: 'submission.accepted';
  schemaVersion: 1;
  submissionId: string;
  provider: InstitutionId;
  acceptedRecords: number;
  at: string;
}

/** The whole message (reason) or some of its records (records[].reason) were refused. */
export interface SubmissionRejected {
  type: 'submission.rejected';
  schemaVersion: 1;
  /** Absent when the message was too broken to carry one. */
  submissionId?: string;
  provider: InstitutionId;
  reason?: string;
  records: Array<{ index: number; reason: string; detail?: string }>;
  at: string;
}

export type ProviderOutboundMessage = BindingRequested | BindingEnded | SubmissionAccepted | SubmissionRejected | ObjectionRaised;

const reason: JsonSchema = { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' };
const message = (type: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  required: ['type', 'schemaVersion', ...required],
  additionalProperties: false,
  properties: { type: { const: type }, schemaVersion: { const: 1 }, ...properties },
});

export const bindingRequested = defineMessage<BindingRequested>()(
  'binding.requested',
  1,
  message('binding.requested', ['bindingId', 'subject', 'account', 'agreement'], {
    bindingId: { type: 'string', minLength: 1 },
    subject: usccSchema,
    account: accountSchema,
    agreement: {
      type: 'object',
      required: ['version', 'sha256', 'acceptedAt'],
      additionalProperties: false,
      properties: { version: { type: 'string', minLength: 1 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, acceptedAt: timestampSchema },
    },
  }),
);

export const bindingEnded = defineMessage<BindingEnded>()(
  'binding.ended',
  1,
  message('binding.ended', ['bindingId', 'subject', 'account', 'endedAt'], {
    bindingId: { type: 'string', minLength: 1 },
    subject: usccSchema,
    account: accountSchema,
    endedAt: timestampSchema,
  }),
);

export const submissionAccepted = defineMessage<SubmissionAccepted>()(
  'submission.accepted',
  1,
  message('submission.accepted', ['submissionId', 'provider', 'acceptedRecords', 'at'], {
    submissionId: { type: 'string', minLength: 1 },
    provider: institutionIdSchema,
    acceptedRecords: { type: 'integer', minimum: 0 },
    at: timestampSchema,
  }),
);

export const submissionRejected = defineMessage<SubmissionRejected>()(
  'submission.rejected',
  1,
  message('submission.rejected', ['provider', 'records', 'at'], {
    submissionId: { type: 'string', minLength: 1 },
    provider: institutionIdSchema,
    reason,
    records: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'reason'],
        additionalProperties: false,
        properties: { index: { type: 'integer', minimum: 0 }, reason, detail: { type: 'string', maxLength: 500 } },
      },
    },
    at: timestampSchema,
  }),
);
