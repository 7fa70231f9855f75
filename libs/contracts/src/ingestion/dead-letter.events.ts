import type { InstitutionId } from '../common/common.types';
import { institutionIdSchema, timestampSchema } from '../common/common.schema';
import { defineEvent } from '../schema/event-contract';
import type { JsonSchema } from '../schema/validator';

// A provider message ingestion refused as a whole (stream inbound-<uuid>, no subject). Recorded through the
// outbox, so the refusal is counted once and published at least once: the forwarder writes the raw bytes,
// the original headers and the reason to cfc.ingestion.dead-letter.v1, and tells the provider when known.

export type ProviderMessageDeadLetteredData = {
  /** INBOUND_MESSAGE_REJECTIONS. */
  reason: string;
  detail: string;
  /**
   * The provider told on its outbound topic: the signer when the signature held, else the registered provider
   * the cfc-provider header (or the body) names; absent when none can be identified.
   */
  provider?: InstitutionId;
  /** The message's submissionId, only when its signature held (a forger cannot speak for a real submission). */
  submissionId?: string;
  /** The message's `type` when it had one. */
  messageType?: string;
  origin: { topic: string; partition: number; offset: string; timestamp: number };
  key: string | null;
  headers: Record<string, string>;
  /** The exact value bytes, base64. */
  valueBase64: string;
  at: string;
};

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });

export const providerMessageDeadLettered = defineEvent<ProviderMessageDeadLetteredData>()('provider-message.dead-lettered', 1, {
  type: 'object',
  required: ['reason', 'detail', 'origin', 'key', 'headers', 'valueBase64', 'at'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' },
    detail: text(2000),
    provider: institutionIdSchema,
    submissionId: { type: 'string', minLength: 1, maxLength: 100 },
    messageType: text(100),
    origin: {
      type: 'object',
      required: ['topic', 'partition', 'offset', 'timestamp'],
      additionalProperties: false,
      properties: { topic: text(249), partition: { type: 'integer', minimum: 0 }, offset: text(20), timestamp: { type: 'number' } },
    },
    key: { type: ['string', 'null'] },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    valueBase64: { type: 'string' },
    at: timestampSchema,
  },
});
