import { resolve } from 'node:path';
import { SERVICES, type ServiceName } from './services.catalog';

/** Everything the launcher decided from the environment before starting anything. */
export interface LaunchPlan {
  repoRoot: string;
  dataDir: string;
  host: string;
  ports: Record<ServiceName, number>;
  /** Set: use this PostgreSQL (one database per service is derived from it). Unset: embedded. */
  externalDatabaseUrl?: string;
  /** Service databases are named `<databasePrefix>_<service>`. */
  databasePrefix: string;
  pgPort: number;
  /** Set: use these brokers. Unset: the embedded broker on kafkaPort. */
  externalKafkaBrokers?: string;
  kafkaPort: number;
  /** SASL and ACLs on the embedded broker; CFC_KAFKA_AUTH=off turns them off (debugging only). */
  kafkaAuth: boolean;
  logFormat: 'pretty' | 'json';
  readyTimeoutMs: number;
  /** Run the provider simulator once the services are ready (CFC_SIMULATOR, default on). */
  simulator: boolean;
  /** With the simulator on: how many demo enterprises bind their accounts at first start (CFC_DEMO_ENTERPRISES, default 3). */
  demoEnterprises: number;
}

/** Reads the launcher's environment variables (documented in deploy/README.md). */
export function planFromEnv(env: NodeJS.ProcessEnv, repoRoot: string): LaunchPlan {
  const gatewayPort = intVar(env, 'CFC_GATEWAY_PORT', 8080);
  const base = intVar(env, 'CFC_SERVICE_PORT_BASE', 8081);
  const internal = SERVICES.filter((s) => s !== 'gateway');
  const ports = Object.fromEntries([
    ...internal.map((s, i) => [s, base + i] as const),
    ['gateway', gatewayPort] as const,
  ]) as Record<ServiceName, number>;
  const logFormat = env.CFC_LOG_FORMAT === 'json' ? 'json' : 'pretty';
  return {
    repoRoot,
    dataDir: resolve(repoRoot, env.CFC_DATA_DIR || '.data'),
    host: '127.0.0.1',
    ports,
    externalDatabaseUrl: env.DATABASE_URL || undefined,
    databasePrefix: databasePrefix(env.CFC_DB_PREFIX),
    pgPort: intVar(env, 'CFC_PG_PORT', 5433),
    externalKafkaBrokers: env.KAFKA_BROKERS || undefined,
    kafkaPort: intVar(env, 'CFC_KAFKA_PORT', 9092),
    kafkaAuth: kafkaAuth(env.CFC_KAFKA_AUTH),
    logFormat,
    readyTimeoutMs: intVar(env, 'CFC_READY_TIMEOUT_MS', 120_000),
    simulator: switchVar(env, 'CFC_SIMULATOR', true),
    demoEnterprises: intVar(env, 'CFC_DEMO_ENTERPRISES', 3),
  };
}

function kafkaAuth(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`CFC_KAFKA_AUTH must be on or off, got "${raw}"`);
}

function databasePrefix(raw: string | undefined): string {
  if (!raw) return 'cfc';
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(raw)) throw new Error(`CFC_DB_PREFIX must be lower-case letters, digits and _, got "${raw}"`);
  return raw;
}

function switchVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (/^(on|true|yes|1)$/i.test(raw)) return true;
  if (/^(off|false|no|0)$/i.test(raw)) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a number, got "${raw}"`);
  return Number(raw);
}
