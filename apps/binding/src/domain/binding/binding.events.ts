import type { BindingConfirmedData, BindingEndedData, BindingExpiredData, BindingRejectedData, BindingRequestedData } from '@cfc/contracts';

// Events of one binding's stream (binding-<bindingId>); their data contracts are in @cfc/contracts.
export type BindingRequested = { readonly type: 'binding.requested'; readonly data: BindingRequestedData };
export type BindingConfirmed = { readonly type: 'binding.confirmed'; readonly data: BindingConfirmedData };
export type BindingRejected = { readonly type: 'binding.rejected'; readonly data: BindingRejectedData };
export type BindingEnded = { readonly type: 'binding.ended'; readonly data: BindingEndedData };
export type BindingExpired = { readonly type: 'binding.expired'; readonly data: BindingExpiredData };

export type BindingEvent = BindingRequested | BindingConfirmed | BindingRejected | BindingEnded | BindingExpired;

/** Stream id of one binding. */
export function bindingStreamId(bindingId: string): string {
  return `binding-${bindingId}`;
}
