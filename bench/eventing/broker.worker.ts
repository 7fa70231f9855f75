import { parentPort, workerData } from 'node:worker_threads';
import { linuxThreadId } from '@cfc/eventing';
import { startBroker } from '@cfc/kafka-broker';

// The embedded broker on its own thread, so its CPU does not compete with the writers' event loop
// (in a deployment it is another process altogether).
async function run(): Promise<void> {
  const broker = await startBroker({ port: 0, dataDir: (workerData as { dataDir: string }).dataDir, log: () => undefined });
  parentPort!.on('message', async (message: string) => {
    if (message !== 'stop') return;
    await broker.stop();
    parentPort!.postMessage({ stopped: true });
    parentPort!.close();
  });
  parentPort!.postMessage({ address: broker.address, tid: linuxThreadId() });
}

void run();
