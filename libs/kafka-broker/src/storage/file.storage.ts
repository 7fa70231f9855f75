import type { BrokerLog, ResolvedBrokerConfig } from '../broker.context';
import type { StoragePort } from './storage.port';

/** Placeholder while the file engine is written. */
export async function openFileStorage(_config: ResolvedBrokerConfig, _log: BrokerLog): Promise<StoragePort> {
  const missing = () => {
    throw new Error('storage not implemented yet');
  };
  return {
    listTopics: () => [],
    getTopic: () => undefined,
    createTopic: missing,
    deleteTopic: missing,
    append: missing,
    read: missing,
    offsets: missing,
    offsetForTimestamp: missing,
    onAppend: missing,
    nextProducerId: missing,
    close: async () => undefined,
  };
}
