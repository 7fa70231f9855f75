import { parentPort, workerData } from 'node:worker_threads';
import { createKafkaClient } from '@cfc/platform/kafka'; // not the barrel: a thread starts in 0.15 s, not 1.2 s
import { Pool } from 'pg';
import { pgDatabase } from '../sql/pg.database';
import { OutboxRelay } from './outbox.relay';
import { linuxThreadId, lowerThisThreadsPriority } from './thread.priority';
import { ForwardingMetrics, forwardingLogger, type RelayThreadMessage, type RelayWorkerData } from './relay.thread.messages';

// The body of a RelayThread: its own PostgreSQL pool and idempotent producer, an OutboxRelay, and
// logs and metrics sent back to the parent thread. Stops on the message 'stop'.
async function run(port: NonNullable<typeof parentPort>, data: RelayWorkerData): Promise<void> {
  const logger = forwardingLogger(port);
  lowerThisThreadsPriority(data.niceness, logger);
  const pool = new Pool({ connectionString: data.databaseUrl, max: 2, application_name: data.applicationName });
  pool.on('error', (error) => logger.warn({ err: error }, 'relay thread: idle PostgreSQL connection failed'));
  const producer = createKafkaClient({ brokers: data.brokers, clientId: data.clientId, sasl: data.sasl, logger }).producer({ idempotent: true });
  const send = (message: RelayThreadMessage) => port.postMessage(message);
  try {
    await producer.connect();
  } catch (error) {
    await pool.end();
    return send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  const metrics = new ForwardingMetrics(port);
  const relay = new OutboxRelay({
    db: pgDatabase(pool),
    producer,
    topic: data.topic,
    batchSize: data.batchSize,
    idleMs: data.idleMs,
    standbyMs: data.standbyMs,
    metrics,
    logger,
  });
  relay.start();
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    void (async () => {
      await relay.stop();
      await producer.disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      metrics.flush();
      send({ kind: 'stopped' });
      port.close();
    })();
  });
  send({ kind: 'ready', threadId: linuxThreadId() });
}

if (parentPort) void run(parentPort, workerData as RelayWorkerData);
