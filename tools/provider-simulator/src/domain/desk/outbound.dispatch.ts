import {
  bindingEnded,
  bindingRequested,
  objectionRaised,
  submissionAccepted,
  submissionRejected,
  type ProviderOutboundMessage,
  type Validator,
} from '@cfc/contracts';
import { answerBindingRequest } from './binding-request.decision';
import { endBinding } from './binding-ended.decision';
import type { DeskContext, Decision } from './desk.decision';
import type { DeskState } from './desk.state';
import { answerObjection } from './objection.decision';
import { handleRejected, noteAccepted } from './submission-feedback.decision';

const VALIDATORS: Record<ProviderOutboundMessage['type'], Validator<ProviderOutboundMessage>> = {
  'binding.requested': bindingRequested.validate,
  'binding.ended': bindingEnded.validate,
  'submission.accepted': submissionAccepted.validate,
  'submission.rejected': submissionRejected.validate,
  'objection.raised': objectionRaised.validate,
};

/** A value read from the outbound topic, checked against its contract; why not, otherwise. */
export function parseOutbound(value: Buffer | null): { ok: true; message: ProviderOutboundMessage } | { ok: false; why: string } {
  if (value === null) return { ok: false, why: 'empty message' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, why: 'not JSON' };
  }
  const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
  const validate = typeof type === 'string' && Object.hasOwn(VALIDATORS, type) ? VALIDATORS[type as ProviderOutboundMessage['type']] : undefined;
  if (!validate) return { ok: false, why: `unknown message type ${JSON.stringify(type)}` };
  const checked = validate.check(parsed);
  return checked.ok ? { ok: true, message: checked.value } : { ok: false, why: checked.error.message.slice(0, 500) };
}

/** What this provider does with one message from its outbound topic. */
export function handleOutbound(state: DeskState, context: DeskContext, message: ProviderOutboundMessage): Decision {
  switch (message.type) {
    case 'binding.requested':
      return answerBindingRequest(state, context, message);
    case 'binding.ended':
      return endBinding(state, context, message);
    case 'objection.raised':
      return answerObjection(state, context, message);
    case 'submission.accepted':
      return noteAccepted(state, context, message);
    case 'submission.rejected':
      return handleRejected(state, context, message);
    default: {
      const unknown: never = message;
      throw new Error(`unhandled outbound message ${JSON.stringify(unknown)}`);
    }
  }
}
