import { challengeRefOf } from '@cfc/contracts';
import type { Upcaster } from '@cfc/eventing';

// Login events at version 1 named the challenge by its id; version 2 by challengeRefOf(id). Old rows
// stay as written and are lifted on read (and new events are written at version 2 because these exist).
const toRef = ({ challengeId, ...rest }: Record<string, unknown>): Record<string, unknown> => ({ ...rest, challengeRef: challengeRefOf(String(challengeId)) });

/** v1 -> v2 for every login event; failed logins of v1 were all counted against the requester. */
export const loginEventUpcasters: readonly Upcaster[] = [
  { type: 'login-challenge.issued', fromVersion: 1, upcast: toRef },
  { type: 'login-challenge.locked', fromVersion: 1, upcast: toRef },
  { type: 'subject.logged-in', fromVersion: 1, upcast: toRef },
  { type: 'data-account.opened', fromVersion: 1, upcast: toRef },
  {
    type: 'subject.login-failed',
    fromVersion: 1,
    upcast: (data) => {
      const { challengeRef, uscc, reason, failedAttempts, at } = toRef(data);
      return { challengeRef, uscc, reason, fromRequestingClient: true, failedAttempts, otherClientFailedAttempts: 0, at };
    },
  },
];
