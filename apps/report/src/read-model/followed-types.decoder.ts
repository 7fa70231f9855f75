import { Headers, type EventEnvelope } from '@cfc/contracts';
import type { MessageDecoder } from '@cfc/eventing';

/**
 * Declines, without parsing, the events of a topic whose type (the relay's cfc-event-type header) this read
 * model does not follow: committed with no effect and no inbox row. Identity's and ingestion's topics carry
 * mostly other types (logins; statistics events of a megabyte each), so most messages cost nothing here.
 * A message without the header is decoded and left to the handler to skip.
 */
export function onlyTypes(types: ReadonlySet<string>, decode: MessageDecoder<EventEnvelope>): MessageDecoder<EventEnvelope> {
  return (message) => {
    const type = message.headers[Headers.eventType];
    if (type !== undefined && !types.has(type)) return undefined;
    return decode(message);
  };
}
