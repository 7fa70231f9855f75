import { bindingConfirmed, bindingRejected, type BindingConfirmed, type BindingRejected } from './binding-reply.message';
import { objectionResolved, type ObjectionResolved } from './objection.messages';
import { statisticsSubmitted, type StatisticsSubmitted } from './statistics-submitted.message';
import { ContractViolationError } from '../schema/validator';

export * from './binding-reply.message';
export * from './binding-reply.rejections';
export * from './objection.messages';
export * from './outbound.messages';
export * from './statistics-submitted.message';
export * from './statistics.rejections';

/** Anything a provider may write to cfc.provider.inbound.v1. */
export type ProviderInboundMessage = StatisticsSubmitted | BindingConfirmed | BindingRejected | ObjectionResolved;

/** Validates an inbound value by its `type`; unknown types are a contract violation. */
export function validateProviderInbound(value: unknown): ProviderInboundMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  switch (type) {
    case 'statistics.submitted':
      return statisticsSubmitted.validate(value);
    case 'binding.confirmed':
      return bindingConfirmed.validate(value);
    case 'binding.rejected':
      return bindingRejected.validate(value);
    case 'objection.resolved':
      return objectionResolved.validate(value);
    default:
      throw new ContractViolationError('provider inbound message', [{ instancePath: '/type', message: `unknown type ${String(type)}` }]);
  }
}
