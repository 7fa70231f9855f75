import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTempBroker } from '../testing/temp-broker';

const run = promisify(execFile);

// librdkafka pipelines up to five idempotent Produce requests per connection: the broker must append
// them in arrival order or it would answer OUT_OF_ORDER_SEQUENCE_NUMBER and the producer would fail.
describe('an idempotent librdkafka producer with requests in flight', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  beforeAll(async () => (broker = await startTempBroker()));
  afterAll(() => broker.remove());

  it('gets every message stored once, in order', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => `msg-${i}`).join('\n') + '\n';
    const producer = run('kcat', ['-P', '-b', broker.address, '-t', 'idem-rd', '-p', '0', '-X', 'enable.idempotence=true', '-X', 'linger.ms=1', '-X', 'batch.num.messages=50'], { timeout: 30_000 });
    producer.child.stdin!.end(input);
    await producer;
    const { stdout } = await run('kcat', ['-C', '-b', broker.address, '-t', 'idem-rd', '-o', 'beginning', '-e', '-q'], { timeout: 30_000, maxBuffer: 1 << 24 });
    expect(stdout).toBe(input);
    expect(broker.logs.filter((l) => !l.startsWith('info'))).toEqual([]);
  });
});
