import { ErrorCode } from '../codec/error-codes';
import { buildBatch, readRecords } from '../testing/record-batch.builder';
import { RawKafkaClient } from '../testing/raw-kafka.client';
import { fetchRecords, initProducerId, produceBatch, touchTopics } from '../testing/raw-requests';
import { startTempBroker } from '../testing/temp-broker';
import { kafkaFor } from '../groups/group.int.kit';

// Idempotent producers are told apart by producer id: a new producer given an id that an earlier one
// used (before a restart) would have its first batches taken for that one's retries and dropped.
describe('producer ids and epochs on the wire', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let c: RawKafkaClient;
  const reopen = async () => {
    c.close();
    await broker.stop();
    broker = await startTempBroker({ dataDir: broker.dataDir });
    c = await RawKafkaClient.open(broker.address);
  };

  beforeAll(async () => {
    broker = await startTempBroker();
    c = await RawKafkaClient.open(broker.address);
    await touchTopics(c, ['ids', 'epochs', 'kafkajs-ids']);
  });
  afterAll(async () => {
    c.close();
    await broker.remove();
  });

  it('never hands out an id twice, across broker restarts, so a new producer\'s batch is never dropped as a duplicate', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await initProducerId(c)).producerId);
    const before = ids[ids.length - 1];
    expect(await produceBatch(c, 'ids', buildBatch({ values: ['from the old producer'], producerId: before, producerEpoch: 0, baseSequence: 0 }))).toEqual({ errorCode: 0, baseOffset: 0 });
    await reopen();
    await reopen(); // twice: the durable block end must survive a restart that handed out nothing
    const fresh = await initProducerId(c);
    expect(fresh).toMatchObject({ errorCode: ErrorCode.NONE, epoch: 0 });
    ids.push(fresh.producerId);
    expect(new Set(ids).size).toBe(ids.length);
    // Its sequence 0 is new data, whatever an earlier producer sent with the same sequence.
    expect(await produceBatch(c, 'ids', buildBatch({ values: ['from the new producer'], producerId: fresh.producerId, producerEpoch: 0, baseSequence: 0 }))).toEqual({ errorCode: 0, baseOffset: 1 });
    // The old producer's retry of its batch is still known as its duplicate after the restarts.
    expect(await produceBatch(c, 'ids', buildBatch({ values: ['from the old producer'], producerId: before, producerEpoch: 0, baseSequence: 0 }))).toEqual({ errorCode: 0, baseOffset: 0 });
    expect(readRecords((await fetchRecords(c, 'ids', 0)).records).map((r) => r.value)).toEqual(['from the old producer', 'from the new producer']);
  });

  it('refuses a batch from an older epoch of a producer id with INVALID_PRODUCER_EPOCH, and a new epoch must start at sequence 0', async () => {
    const { producerId } = await initProducerId(c);
    const batch = (epoch: number, seq: number, value: string) => buildBatch({ values: [value], producerId, producerEpoch: epoch, baseSequence: seq });
    expect((await produceBatch(c, 'epochs', batch(0, 0, 'epoch 0'))).errorCode).toBe(ErrorCode.NONE);
    expect((await produceBatch(c, 'epochs', batch(1, 3, 'epoch 1 mid-stream'))).errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect((await produceBatch(c, 'epochs', batch(1, 0, 'epoch 1'))).errorCode).toBe(ErrorCode.NONE);
    expect((await produceBatch(c, 'epochs', batch(0, 1, 'zombie of epoch 0'))).errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    await reopen(); // rebuilt from the log on start
    expect((await produceBatch(c, 'epochs', batch(0, 1, 'zombie after restart'))).errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(readRecords((await fetchRecords(c, 'epochs', 0)).records).map((r) => r.value)).toEqual(['epoch 0', 'epoch 1']);
  });

  it('lets kafkajs idempotent producers before and after a restart both deliver their first messages', async () => {
    const send = async (value: string) => {
      const producer = kafkaFor(broker.address, 'ids-int').producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      try {
        await producer.send({ topic: 'kafkajs-ids', messages: [{ value, partition: 0 }] });
      } finally {
        await producer.disconnect();
      }
    };
    await send('kafkajs before');
    await reopen();
    await send('kafkajs after');
    expect(readRecords((await fetchRecords(c, 'kafkajs-ids', 0)).records).map((r) => r.value)).toEqual(['kafkajs before', 'kafkajs after']);
  });
});
