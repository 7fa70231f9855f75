import { parentPort, workerData } from 'node:worker_threads';
import { consumerGroup, type EventEnvelope } from '@cfc/contracts';
import { ConsumerRunner, envelopeDecoder, linuxThreadId, pgDatabase } from '@cfc/eventing';
import { createKafkaClient } from '@cfc/platform';
import { Pool } from 'pg';

// The idempotent consumer, on its own thread as it would be in its own service: each event's effect
// row records when the relay sent it and when it was consumed (ms since epoch), for the main thread to
// compute commit -> published and commit -> consumed.
export interface ConsumerWorkerData {
  databaseUrl: string;
  brokers: string[];
  topic: string;
  deadLetterTopic: string;
}

async function run(): Promise<void> {
  const data = workerData as ConsumerWorkerData;
  const pool = new Pool({ connectionString: data.databaseUrl, max: 2, application_name: 'bench-consumer' });
  const consumer = new ConsumerRunner<EventEnvelope>({
    db: pgDatabase(pool),
    client: createKafkaClient({ brokers: data.brokers, clientId: 'bench-consumer' }),
    groupId: consumerGroup('audit', 'bench-recorder'),
    topics: [data.topic],
    deadLetterTopic: data.deadLetterTopic,
    decode: envelopeDecoder(),
    maxTransactionSize: 500,
    // Larger batches under load for at most 20 ms more lag when quiet (see libs/eventing/README.md).
    fetchMinBytes: 64 * 1024,
    fetchMaxWaitMs: 20,
    // One multi-row INSERT per chunk, in the chunk's inbox transaction.
    handleMany: async (items, tx) =>
      void (await tx.query(`INSERT INTO consumed (event_id, published_at, consumed_at) SELECT unnest($1::uuid[]), unnest($2::bigint[]), $3`, [
        items.map((i) => i.value.eventId),
        items.map((i) => i.message.timestamp), // the producer's create time: when the relay sent it
        Date.now(),
      ])),
  });
  await consumer.start();
  parentPort!.on('message', async (message: string) => {
    if (message !== 'stop') return;
    await consumer.stop();
    await pool.end();
    parentPort!.postMessage({ stopped: true });
    parentPort!.close();
  });
  parentPort!.postMessage({ ready: true, tid: linuxThreadId() });
}

void run();
