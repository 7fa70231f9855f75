import {
  bindingEnded, bindingRequested, providerOutboundTopic,
  type BindingEnded, type BindingEndedData, type BindingRequested, type BindingRequestedData, type EventEnvelope,
} from '@cfc/contracts';
import type { ForwardedMessage } from '@cfc/eventing';

/**
 * What a provider is told of binding's events, in the contract's shapes (provider/outbound.messages.ts):
 * a request to confirm, and the end of a binding. Keyed by bindingId, so a binding's messages stay in order.
 */
export function providerOutboundMessages(event: EventEnvelope): ForwardedMessage[] {
  switch (event.type) {
    case 'binding.requested': {
      const d = event.data as BindingRequestedData;
      const message: BindingRequested = { type: 'binding.requested', schemaVersion: 1, bindingId: d.bindingId, subject: d.subject, account: d.account, agreement: d.agreement };
      return [{ topic: providerOutboundTopic(d.provider), key: d.bindingId, value: JSON.stringify(bindingRequested.validate(message)) }];
    }
    case 'binding.ended': {
      const d = event.data as BindingEndedData;
      const message: BindingEnded = { type: 'binding.ended', schemaVersion: 1, bindingId: d.bindingId, subject: d.subject, account: d.account, endedAt: d.endedAt };
      return [{ topic: providerOutboundTopic(d.provider), key: d.bindingId, value: JSON.stringify(bindingEnded.validate(message)) }];
    }
    default:
      return []; // confirmations, rejections and expiries come from or concern nobody but binding
  }
}
