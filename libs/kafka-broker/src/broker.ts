import { ApiRegistry } from './apis/api.registry';
import { coreApis } from './apis/core.apis';
import { groupApis } from './apis/group.apis';
import { AuthStore } from './auth/auth.store';
import type { BrokerSecurity } from './auth/broker.security';
import { LoginThrottle } from './auth/login.throttle';
import { emptySecurityStats } from './auth/security.stats';
import type { BrokerContext, BrokerLog, ResolvedBrokerConfig } from './broker.context';
import { jsonLinesLog } from './broker.log';
import type { AuthOptions, BrokerOptions, RunningBroker } from './broker.options';
import { openGroupCoordinator } from './groups/open.group-coordinator';
import { BrokerServer } from './network/broker.server';
import { openFileStorage } from './storage/file.storage';

const NODE_ID = 0;

/** Starts the broker: opens storage (repairing torn tails), listens, and advertises exactly host:port. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? jsonLinesLog;
  const config: ResolvedBrokerConfig = {
    dataDir: options.dataDir,
    fsync: options.fsync ?? 'never',
    maxRequestBytes: options.maxRequestBytes ?? 100 * 1024 * 1024,
    defaultPartitions: options.defaultPartitions ?? 1,
  };
  const security = await openSecurity(options.auth, log);
  const storage = await openFileStorage(config, log);
  const registry = new ApiRegistry([...coreApis, ...groupApis]);
  const groups = openGroupCoordinator(config, log);
  const server = new BrokerServer(log);
  const closeSecurity = () => security.enabled && security.store.close();
  let port: number;
  try {
    port = await server.listen(host, options.port);
  } catch (e) {
    closeSecurity();
    groups.close();
    await storage.close();
    throw e;
  }
  const context: BrokerContext = { nodeId: NODE_ID, clusterId: 'cfc-embedded', host, port, config, storage, registry, groups, security, log };
  server.serve(context);
  if (security.enabled) security.store.watch();
  log('info', 'broker listening', { address: `${host}:${port}`, dataDir: config.dataDir, fsync: config.fsync, auth: security.enabled ? 'sasl' : 'off' });
  let stopping: Promise<void> | undefined;
  return {
    host,
    port,
    address: `${host}:${port}`,
    securityStats: () => ({ ...security.stats }),
    stop: () => (stopping ??= server.close().then(() => (closeSecurity(), groups.close(), storage.close()))),
  };
}

async function openSecurity(auth: AuthOptions | undefined, log: BrokerLog): Promise<BrokerSecurity> {
  const stats = emptySecurityStats();
  if (!auth) return { enabled: false, stats };
  return {
    enabled: true,
    store: await AuthStore.open(auth.file, log),
    throttle: new LoginThrottle(auth.maxFailedLogins ?? 10, auth.failedLoginWindowMs ?? 60_000),
    stats,
    failedLoginDelayMs: auth.failedLoginDelayMs ?? 100,
  };
}
