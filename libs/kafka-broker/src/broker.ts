import { ApiRegistry } from './apis/api.registry';
import { coreApis } from './apis/core.apis';
import { groupApis } from './apis/group.apis';
import type { BrokerContext, ResolvedBrokerConfig } from './broker.context';
import { jsonLinesLog } from './broker.log';
import type { BrokerOptions, RunningBroker } from './broker.options';
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
  const storage = await openFileStorage(config, log);
  const registry = new ApiRegistry([...coreApis, ...groupApis]);
  const groups = openGroupCoordinator(config, log);
  const server = new BrokerServer(log);
  let port: number;
  try {
    port = await server.listen(host, options.port);
  } catch (e) {
    groups.close();
    await storage.close();
    throw e;
  }
  const context: BrokerContext = { nodeId: NODE_ID, clusterId: 'cfc-embedded', host, port, config, storage, registry, groups, log };
  server.serve(context);
  log('info', 'broker listening', { address: `${host}:${port}`, dataDir: config.dataDir, fsync: config.fsync });
  let stopping: Promise<void> | undefined;
  return {
    host,
    port,
    address: `${host}:${port}`,
    stop: () => (stopping ??= server.close().then(() => (groups.close(), storage.close()))),
  };
}
