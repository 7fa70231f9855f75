import type { BindingStatus } from '@cfc/contracts';

/** A request the provider has not answered within 7 days expires (CONTRACT.md; agreement art. 4). */
export const PENDING_PROVIDER_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The instant an unanswered request made at `requestedAt` expires. */
export function expiryOf(requestedAt: string): Date {
  return new Date(Date.parse(requestedAt) + PENDING_PROVIDER_TTL_MS);
}

/** True once a request made at `requestedAt` may no longer be answered. */
export function isPastExpiry(requestedAt: string, now: Date): boolean {
  return now.getTime() >= expiryOf(requestedAt).getTime();
}

/** The status as of `now`: a pending request past its 7 days reads EXPIRED before any sweep records it. */
export function statusAt(recorded: BindingStatus, requestedAt: string, now: Date): BindingStatus {
  return recorded === 'PENDING_PROVIDER' && isPastExpiry(requestedAt, now) ? 'EXPIRED' : recorded;
}
