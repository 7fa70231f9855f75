import type { SecurityStats } from './auth/security.stats';

/** How the embedded broker is started: by the CLI, the launcher and the test setup alike. */
export interface BrokerOptions {
  /** Address to listen on and to advertise; clients must dial exactly this. Default 127.0.0.1. */
  host?: string;
  /** 0 asks the OS for a free port. */
  port: number;
  dataDir: string;
  /** 'always' fsyncs every append before acknowledging; default 'never' (write reaches the file, not the disk). */
  fsync?: 'always' | 'never';
  /** Frames above this size close the connection. Default 100 MiB. */
  maxRequestBytes?: number;
  /** Partitions of an auto-created topic. Default 1. */
  defaultPartitions?: number;
  /**
   * SASL (SCRAM-SHA-256, PLAIN) and ACLs from this auth file (README "Auth file"), reloaded when it
   * changes. Unset: no authentication, everything allowed (the standalone default).
   */
  auth?: AuthOptions;
  /** One line per event worth telling an operator; default writes JSON lines to stderr. */
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export interface AuthOptions {
  /** Path of the JSON auth file (users with salted SCRAM credentials, super users, ACLs). */
  file: string;
  /** A failed login is answered this late, then the connection closes. Default 100 ms (Kafka's default). */
  failedLoginDelayMs?: number;
  /** Failed logins one client address may make per window before its attempts are refused unchecked. Default 10. */
  maxFailedLogins?: number;
  /** Default 60 s. */
  failedLoginWindowMs?: number;
}

export interface RunningBroker {
  readonly host: string;
  readonly port: number;
  /** `host:port`, what clients put in their bootstrap list. */
  readonly address: string;
  /** Authentication and authorization counters since start (all zero with auth off). */
  securityStats(): SecurityStats;
  /** Stops accepting, closes connections, flushes storage. */
  stop(): Promise<void>;
}
