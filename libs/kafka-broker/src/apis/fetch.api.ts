import { ApiKey } from '../codec/api-keys';
import { ErrorCode } from '../codec/error-codes';
import { fetchLayout } from '../codec/fetch/fetch.layouts';
import type { FetchPartitionResponse, FetchRequest, FetchResponse } from '../codec/fetch/fetch.types';
import { decodeFetch, encodeFetch } from '../codec/fetch/fetch.v4';
import type { BrokerContext } from '../broker.context';
import type { ConnectionContext } from './api.registry';
import { defineApi } from './api.registry';
import { errorCodeOf } from './storage-error.mapping';

/**
 * Fetch: whole batches up to max_bytes (topics without READ: TOPIC_AUTHORIZATION_FAILED); with fewer than min_bytes available it waits (up to
 * max_wait_ms) for an append to a requested partition. The wait is a promise, so nothing else blocks.
 */
export const fetchApi = defineApi<FetchRequest, FetchResponse>({
  apiKey: ApiKey.Fetch,
  name: 'Fetch',
  minVersion: 4,
  maxVersion: 11,
  decode: (r, version) => decodeFetch(r, fetchLayout(version)),
  handle: async (req, { broker, connection, access }) => {
    const deadline = Date.now() + Math.max(req.maxWaitMs, 0);
    const readable = req.topics.filter((t) => access.topic('READ', t.topic));
    const allowed = readable.length === req.topics.length ? req : { ...req, topics: readable };
    for (;;) {
      if (connection.closed) return { errorCode: ErrorCode.NONE, sessionId: 0, topics: [] };
      const { topics, bytes } = await readAll(broker, allowed);
      const remaining = deadline - Date.now();
      if (bytes >= Math.max(req.minBytes, 1) || remaining <= 0 || allowed.topics.length === 0) {
        return { errorCode: ErrorCode.NONE, sessionId: 0, topics: allowed === req ? topics : withDenied(req, topics) };
      }
      await waitForAppend(broker, allowed, remaining, connection);
    }
  },
  encode: (w, res, version) => encodeFetch(w, res, fetchLayout(version)),
});

/** The reply in request order, TOPIC_AUTHORIZATION_FAILED for every partition of a topic without READ. */
function withDenied(req: FetchRequest, read: FetchResponse['topics']): FetchResponse['topics'] {
  const byTopic = new Map(read.map((t) => [t.topic, t]));
  return req.topics.map(
    (t) =>
      byTopic.get(t.topic) ?? {
        topic: t.topic,
        partitions: t.partitions.map((p) => ({
          partition: p.partition,
          errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
          highWatermark: -1,
          lastStableOffset: -1,
          logStartOffset: -1,
          records: Buffer.alloc(0),
        })),
      },
  );
}

async function readAll(broker: BrokerContext, req: FetchRequest): Promise<{ topics: FetchResponse['topics']; bytes: number }> {
  let budget = req.maxBytes > 0 ? req.maxBytes : Number.MAX_SAFE_INTEGER;
  let bytes = 0;
  const topics = [];
  for (const t of req.topics) {
    const partitions: FetchPartitionResponse[] = [];
    for (const p of t.partitions) {
      // KIP-74: the first batch is returned even when larger than the limits, so big batches never stall a consumer.
      const limit = Math.min(p.partitionMaxBytes, budget);
      let result = await readPartition(broker, t.topic, p.partition, p.fetchOffset, bytes === 0 ? Math.max(limit, 1) : limit);
      if (bytes > 0 && (result.records?.length ?? 0) > limit) result = { ...result, records: Buffer.alloc(0) };
      bytes += result.records?.length ?? 0;
      budget -= result.records?.length ?? 0;
      partitions.push(result);
    }
    topics.push({ topic: t.topic, partitions });
  }
  return { topics, bytes };
}

async function readPartition(broker: BrokerContext, topic: string, partition: number, offset: number, maxBytes: number): Promise<FetchPartitionResponse> {
  const empty = Buffer.alloc(0);
  try {
    if (maxBytes <= 0) {
      const o = broker.storage.offsets(topic, partition);
      return { partition, errorCode: ErrorCode.NONE, highWatermark: o.highWatermark, lastStableOffset: o.highWatermark, logStartOffset: o.logStartOffset, records: empty };
    }
    const r = await broker.storage.read(topic, partition, offset, maxBytes);
    // No transactions: the last stable offset is the high watermark.
    return { partition, errorCode: ErrorCode.NONE, highWatermark: r.highWatermark, lastStableOffset: r.highWatermark, logStartOffset: r.logStartOffset, records: r.records };
  } catch (e) {
    return { partition, errorCode: errorCodeOf(e, broker.log, 'fetch read'), highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, records: empty };
  }
}

function waitForAppend(broker: BrokerContext, req: FetchRequest, ms: number, connection: ConnectionContext): Promise<void> {
  const partitions = req.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition })));
  return new Promise((resolve) => {
    const cleanups: Array<() => void> = [];
    const done = () => {
      cleanups.forEach((c) => c());
      resolve();
    };
    const timer = setTimeout(done, ms);
    cleanups.push(() => clearTimeout(timer), broker.storage.onAppend(partitions, done), connection.onClose(done));
  });
}
