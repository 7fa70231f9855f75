/** Security counters of one broker, read by whoever hosts it (RunningBroker.securityStats()). */
export interface SecurityStats {
  authenticationsSucceeded: number;
  authenticationsFailed: number;
  /** Attempts refused unchecked because their address failed too often. */
  authenticationsThrottled: number;
  /** Requests (or parts: a topic, a group) refused by the ACLs. */
  authorizationsDenied: number;
}

export function emptySecurityStats(): SecurityStats {
  return { authenticationsSucceeded: 0, authenticationsFailed: 0, authenticationsThrottled: 0, authorizationsDenied: 0 };
}
