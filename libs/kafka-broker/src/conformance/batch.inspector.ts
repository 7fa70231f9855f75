import { authenticateScram } from '../testing/sasl.kit';
import { RawClient, requestFrame } from './raw.client';
import { RawKafkaClient } from '../testing/raw-kafka.client';

/** What the broker stores for one partition: each record batch's compression codec and record count. */
export interface StoredBatch {
  baseOffset: bigint;
  codec: number;
  records: number;
}

/**
 * Reads a partition's batches over a raw Fetch v4, without decompressing, so a test can tell that
 * a client's compressed batch was stored compressed (kafkajs cannot decode snappy, lz4 or zstd).
 */
export async function storedBatches(address: string, topic: string, partition: number, sasl?: { username: string; password: string }): Promise<StoredBatch[]> {
  if (sasl) return authenticatedRead(address, topic, partition, sasl);
  const client = await RawClient.open(address);
  try {
    client.write(requestFrame(1, 4, 7, fetchV4Body(topic, partition)));
    const frame = await client.readFrame(10_000);
    if (!frame) throw new Error('broker closed the connection instead of answering Fetch v4');
    return parseFetchV4(frame);
  } finally {
    client.close();
  }
}

async function authenticatedRead(address: string, topic: string, partition: number, sasl: { username: string; password: string }): Promise<StoredBatch[]> {
  const client = await RawKafkaClient.open(address);
  try {
    const login = await authenticateScram(client, sasl.username, sasl.password);
    if (login.errorCode !== 0) throw new Error(`SASL login of ${sasl.username} failed: ${login.errorMessage}`);
    const body = fetchV4Body(topic, partition);
    const reply = await client.request(1, 4, (w) => w.raw(body));
    return parseFetchV4(Buffer.concat([Buffer.alloc(4), reply.rest()]));
  } finally {
    client.close();
  }
}

function fetchV4Body(topic: string, partition: number): Buffer {
  const name = Buffer.from(topic);
  const b = Buffer.alloc(4 + 4 + 4 + 4 + 1 + 4 + 2 + name.length + 4 + 4 + 8 + 4);
  let o = 0;
  o = b.writeInt32BE(-1, o); // replica id
  o = b.writeInt32BE(100, o); // max wait ms
  o = b.writeInt32BE(1, o); // min bytes
  o = b.writeInt32BE(64 << 20, o); // max bytes
  o = b.writeInt8(0, o); // read_uncommitted
  o = b.writeInt32BE(1, o);
  o = b.writeInt16BE(name.length, o);
  o += name.copy(b, o);
  o = b.writeInt32BE(1, o);
  o = b.writeInt32BE(partition, o);
  o = b.writeBigInt64BE(0n, o); // fetch offset
  b.writeInt32BE(64 << 20, o); // partition max bytes
  return b;
}

function parseFetchV4(frame: Buffer): StoredBatch[] {
  let o = 4 + 4; // correlation id, throttle time
  const topics = frame.readInt32BE(o);
  o += 4;
  const batches: StoredBatch[] = [];
  for (let t = 0; t < topics; t++) {
    o += 2 + frame.readInt16BE(o);
    const partitions = frame.readInt32BE(o);
    o += 4;
    for (let p = 0; p < partitions; p++) {
      const error = frame.readInt16BE(o + 4);
      if (error !== 0) throw new Error(`Fetch v4 partition error ${error}`);
      o += 4 + 2 + 8 + 8;
      const aborted = frame.readInt32BE(o);
      o += 4 + Math.max(aborted, 0) * 16;
      const size = frame.readInt32BE(o);
      o += 4;
      const end = o + Math.max(size, 0);
      while (o + 61 <= end) {
        const batchLength = frame.readInt32BE(o + 8);
        if (o + 12 + batchLength > end) break; // a partial batch at the end of the response is allowed
        batches.push({ baseOffset: frame.readBigInt64BE(o), codec: frame.readInt16BE(o + 21) & 7, records: frame.readInt32BE(o + 57) });
        o += 12 + batchLength;
      }
      o = end;
    }
  }
  return batches;
}
