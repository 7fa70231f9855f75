import type { ApiRegistry } from './apis/api.registry';
import type { BrokerSecurity } from './auth/broker.security';
import type { GroupCoordinator } from './groups';
import type { StoragePort } from './storage/storage.port';

/** Structured log sink: one line per event an operator should see. */
export type BrokerLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

/** Broker options with defaults applied. */
export interface ResolvedBrokerConfig {
  readonly dataDir: string;
  readonly fsync: 'always' | 'never';
  readonly maxRequestBytes: number;
  readonly defaultPartitions: number;
}

/** Shared state handed to every API handler (ctx.broker); broker.ts builds it once per broker. */
export interface BrokerContext {
  /** This broker's node id: the only broker, leader of everything, and controller. */
  readonly nodeId: number;
  readonly clusterId: string;
  /** The address clients must dial, advertised exactly in Metadata and FindCoordinator. */
  readonly host: string;
  readonly port: number;
  readonly config: ResolvedBrokerConfig;
  readonly storage: StoragePort;
  readonly registry: ApiRegistry;
  /** Consumer groups and their committed offsets (groups/). */
  readonly groups: GroupCoordinator;
  /** SASL and ACLs, or off (auth/). */
  readonly security: BrokerSecurity;
  readonly log: BrokerLog;
}
