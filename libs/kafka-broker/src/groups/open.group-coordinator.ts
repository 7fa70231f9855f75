import { join } from 'node:path';
import type { BrokerLog, ResolvedBrokerConfig } from '../broker.context';
import { systemClock } from './clock';
import { FileOffsetStore } from './file.offset-store';
import { GroupCoordinator } from './group.coordinator';

/** The broker's coordinator, its committed offsets in `<dataDir>/group-offsets.log` (beside CORE's topics/). */
export function openGroupCoordinator(config: ResolvedBrokerConfig, log: BrokerLog): GroupCoordinator {
  const store = new FileOffsetStore(join(config.dataDir, 'group-offsets.log'), {
    fsync: config.fsync,
    onTruncate: (keptBytes, droppedBytes) => log('warn', 'cut a torn tail from the group offset log', { keptBytes, droppedBytes }),
  });
  return new GroupCoordinator(store, systemClock);
}
