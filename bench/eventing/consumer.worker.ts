import { parentPort, workerData } from 'node:worker_threads';
import { consumerGroup, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, envelopeDecoder, pgDatabase } from '@cfc/eventing';
import { createKafkaClient } from '@cfc/platform';
import { Pool } from 'pg';

// The idempotent consumer, on its own thread as it would be in its own service: each event's effect
// row records when it was consumed (ms since epoch), for the main thread to compute commit -> consumed.
export interface ConsumerWorkerData {
  databaseUrl: string;
  brokers: string[];
  topic: string;
  deadLetterTopic: string;
}

async function run(): Promise<void> {
  const data = workerData as ConsumerWorkerData;
  const pool = new Pool({ connectionString: data.databaseUrl, max: 2 });
  const consumer = new ConsumerRunner<EventEnvelope>({
    db: pgDatabase(pool),
    client: createKafkaClient({ brokers: data.brokers, clientId: 'bench-consumer' }),
    groupId: consumerGroup('audit', 'bench-recorder'),
    topics: [data.topic],
    deadLetterTopic: data.deadLetterTopic,
    decode: envelopeDecoder(),
    maxTransactionSize: 500,
    // One multi-row INSERT per chunk, in the chunk's inbox transaction.
    handleMany: async (items, tx) =>
      void (await tx.query(`INSERT INTO consumed (event_id, consumed_at) SELECT unnest($1::uuid[]), $2`, [items.map((i) => i.value.eventId), Date.now()])),
  });
  await consumer.start();
  parentPort!.on('message', async (message: string) => {
    if (message !== 'stop') return;
    await consumer.stop();
    await pool.end();
    parentPort!.postMessage({ stopped: true });
    parentPort!.close();
  });
  parentPort!.postMessage({ ready: true });
}

void run();
