import type { AuthStore } from './auth.store';
import type { LoginThrottle } from './login.throttle';
import type { SecurityStats } from './security.stats';

/** The SASL mechanisms offered when auth is on, in the order SaslHandshake lists them. */
export const SASL_MECHANISMS = ['SCRAM-SHA-256', 'PLAIN'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** Security of one broker: off (everyone is User:ANONYMOUS and allowed everything) or SASL with ACLs. */
export type BrokerSecurity =
  | { readonly enabled: false; readonly stats: SecurityStats }
  | {
      readonly enabled: true;
      readonly store: AuthStore;
      readonly throttle: LoginThrottle;
      readonly stats: SecurityStats;
      /** A failed login is answered this late (Kafka's connection.failed.authentication.delay.ms). */
      readonly failedLoginDelayMs: number;
    };
