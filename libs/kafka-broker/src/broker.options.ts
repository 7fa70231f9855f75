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
  /** One line per event worth telling an operator; default writes JSON lines to stderr. */
  log?: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export interface RunningBroker {
  readonly host: string;
  readonly port: number;
  /** `host:port`, what clients put in their bootstrap list. */
  readonly address: string;
  /** Stops accepting, closes connections, flushes storage. */
  stop(): Promise<void>;
}
