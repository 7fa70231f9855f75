import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '../broker';
import type { BrokerOptions, RunningBroker } from '../broker.options';

/** A broker on an OS-chosen port over a fresh temp dir, for one test file; collects its log lines. */
export async function startTempBroker(options: Partial<BrokerOptions> = {}): Promise<RunningBroker & { dataDir: string; logs: string[]; remove(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kb-test-'));
  const logs: string[] = [];
  const broker = await startBroker({ port: 0, log: (level, msg) => logs.push(`${level} ${msg}`), ...options, dataDir });
  return Object.assign(broker, {
    dataDir,
    logs,
    remove: async () => {
      await broker.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
