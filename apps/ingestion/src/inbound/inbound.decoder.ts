import { BINDING_REPLY_TYPES } from '../domain/inbound/inbound.types';
import { offsetId, type MessageDecoder } from '@cfc/eventing';
import type { IncomingMessage } from '@cfc/platform';

/** An inbound message as parsed once: JSON (or why not) and its type. */
export interface InboundValue {
  parsed?: unknown;
  /** Set when the value is not JSON. */
  parseError?: string;
  type?: string;
}

/**
 * Parses each message of cfc.provider.inbound.v1 once. Binding's types are declined (committed, no effect,
 * no inbox row): binding consumes them in its own group. Everything else is ingestion's, unparsable JSON and
 * unknown types included (ingestion dead-letters what nobody owns). The dedupe id is the Kafka position plus
 * the record's timestamp, so a topic deleted and created again cannot pass new records off as handled.
 * (The submissionId cannot be the id: a replay under a used id must be seen, and refused.)
 */
export function inboundDecoder(): MessageDecoder<InboundValue> {
  return (message: IncomingMessage) => {
    const value = parse(message.value);
    if (value.type !== undefined && BINDING_REPLY_TYPES.has(value.type)) return undefined;
    return { id: `${offsetId(message)}@${message.timestamp}`, value };
  };
}

function parse(bytes: Buffer | null): InboundValue {
  if (bytes === null) return { parseError: 'no value (a tombstone)' };
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    const type = typeof parsed === 'object' && parsed !== null && typeof (parsed as { type?: unknown }).type === 'string' ? (parsed as { type: string }).type : undefined;
    return { parsed, type };
  } catch (error) {
    return { parseError: (error as Error).message };
  }
}
