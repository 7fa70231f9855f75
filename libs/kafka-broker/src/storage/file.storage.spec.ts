import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '../codec/error-codes';
import { buildBatch, readRecords } from '../testing/record-batch.builder';
import { FileStorage } from './file.storage';
import type { StorageError } from './storage.port';

describe('FileStorage', () => {
  let dir: string;
  const logs: string[] = [];
  const open = () => new FileStorage({ dataDir: dir, fsync: 'never', maxRequestBytes: 1 << 20, defaultPartitions: 1 }, (_l, msg) => logs.push(msg));
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kb-storage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('assigns consecutive offsets by rewriting base offsets and reads batches back whole', async () => {
    const s = open();
    await s.createTopic('t', 2, {});
    expect((await s.append('t', 1, buildBatch({ values: ['a', 'b'] }))).baseOffset).toBe(0);
    expect((await s.append('t', 1, buildBatch({ values: ['c'] }))).baseOffset).toBe(2);
    expect(s.offsets('t', 1)).toEqual({ logStartOffset: 0, highWatermark: 3 });
    const read = await s.read('t', 1, 2, 1 << 20);
    expect(readRecords(read.records)).toEqual([{ offset: 2, value: 'c' }]);
    expect(readRecords((await s.read('t', 1, 1, 1 << 20)).records).map((r) => r.value)).toEqual(['a', 'b', 'c']);
    await s.close();
  });

  it('keeps its files to the owner (0600, directories 0700): records hold enterprises\' data', async () => {
    const previous = process.umask(0o022); // the usual umask would leave 0644 files
    try {
      const s = open();
      await s.createTopic('private', 2, {});
      await s.append('private', 1, buildBatch({ values: ['account 6222…'] }));
      await s.nextProducerId();
      await s.close();
    } finally {
      process.umask(previous);
    }
    const modes: string[] = [];
    const walk = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const full = join(path, entry.name);
        modes.push(`${entry.isDirectory() ? 'dir' : 'file'} ${(statSync(full).mode & 0o777).toString(8)}`);
        if (entry.isDirectory()) walk(full);
      }
    };
    walk(dir);
    expect(modes.filter((m) => m.startsWith('file')).length).toBeGreaterThanOrEqual(3); // topic.json, a segment, producer ids
    expect(new Set(modes)).toEqual(new Set(['dir 700', 'file 600']));
  });

  it('keeps topics and data across restarts', async () => {
    const s = open();
    await s.createTopic('kept', 3, { 'retention.ms': '1000000' });
    await s.append('kept', 2, buildBatch({ values: ['x'] }));
    await s.close();
    const again = open();
    expect(again.getTopic('kept')).toMatchObject({ partitions: 3, config: { retentionMs: 1000000 } });
    expect(readRecords((await again.read('kept', 2, 0, 1000)).records)).toEqual([{ offset: 0, value: 'x' }]);
    expect((await again.append('kept', 2, buildBatch({ values: ['y'] }))).baseOffset).toBe(1);
    await again.close();
  });

  it('forgets a deleted topic for good, and a recreated one starts empty', async () => {
    const s = open();
    await s.createTopic('gone', 1, {});
    await s.append('gone', 0, buildBatch({ values: ['old'] }));
    await s.deleteTopic('gone');
    await expect(s.deleteTopic('gone')).rejects.toMatchObject({ code: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
    await s.close();
    const again = open();
    expect(again.getTopic('gone')).toBeUndefined();
    await again.createTopic('gone', 1, {});
    expect(again.offsets('gone', 0)).toEqual({ logStartOffset: 0, highWatermark: 0 });
    await again.close();
  });

  it('truncates a torn tail to the last whole batch on start', async () => {
    const s = open();
    await s.createTopic('torn', 1, {});
    await s.append('torn', 0, buildBatch({ values: ['one'] }));
    await s.append('torn', 0, buildBatch({ values: ['two'] }));
    await s.close();
    const segment = join(dir, 'topics', 'torn', '0', '00000000000000000000.log');
    const whole = statSync(segment).size;
    appendFileSync(segment, buildBatch({ values: ['half-written'] }).subarray(0, 40));
    const again = open();
    expect(statSync(segment).size).toBe(whole);
    expect(logs).toContain('truncated torn segment tail');
    expect(again.offsets('torn', 0).highWatermark).toBe(2);
    expect((await again.append('torn', 0, buildBatch({ values: ['three'] }))).baseOffset).toBe(2);
    expect(readRecords((await again.read('torn', 0, 0, 1 << 20)).records).map((r) => r.value)).toEqual(['one', 'two', 'three']);
    await again.close();
  });

  it('rejects a batch whose CRC does not match with CORRUPT_MESSAGE', async () => {
    const s = open();
    await s.createTopic('crc', 1, {});
    const bad = buildBatch({ values: ['payload'] });
    bad[bad.length - 3] ^= 0xff;
    await expect(s.append('crc', 0, bad)).rejects.toMatchObject({ code: ErrorCode.CORRUPT_MESSAGE });
    expect(s.offsets('crc', 0).highWatermark).toBe(0);
    await s.close();
  });

  it('finds offsets across many batches and segments via the index', async () => {
    const s = open();
    await s.createTopic('idx', 1, { 'segment.bytes': '2048' });
    for (let i = 0; i < 100; i++) await s.append('idx', 0, buildBatch({ values: [`m${i}`, `n${i}`] }));
    expect(readdirSync(join(dir, 'topics', 'idx', '0')).filter((f) => f.endsWith('.log')).length).toBeGreaterThan(3);
    const from = await s.read('idx', 0, 151, 1);
    expect(readRecords(from.records)).toEqual([
      { offset: 150, value: 'm75' },
      { offset: 151, value: 'n75' },
    ]);
    await expect(s.read('idx', 0, 201, 100)).rejects.toMatchObject({ code: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect((await s.read('idx', 0, 200, 100)).records.length).toBe(0);
    await s.close();
  });

  it('drops whole old segments past retention.bytes and retention.ms', async () => {
    const s = open();
    await s.createTopic('ret', 1, { 'segment.bytes': '1024', 'retention.bytes': '2048' });
    for (let i = 0; i < 60; i++) await s.append('ret', 0, buildBatch({ values: [`v${i}`.padEnd(100, '.')] }));
    const { logStartOffset } = s.offsets('ret', 0);
    expect(logStartOffset).toBeGreaterThan(0);
    await expect(s.read('ret', 0, 0, 100)).rejects.toMatchObject({ code: ErrorCode.OFFSET_OUT_OF_RANGE });
    expect(readRecords((await s.read('ret', 0, logStartOffset, 100)).records)[0].offset).toBe(logStartOffset);
    await s.createTopic('old', 1, { 'segment.bytes': '1024', 'retention.ms': '60000' });
    for (let i = 0; i < 20; i++) await s.append('old', 0, buildBatch({ values: ['x'.repeat(200)], timestamp: Date.now() - 120_000 }));
    await s.append('old', 0, buildBatch({ values: ['fresh'.padEnd(1100, '!')] }));
    s.enforceRetention(Date.now());
    expect(s.offsets('old', 0).logStartOffset).toBe(20);
    await s.close();
  });

  it('refuses cleanup.policy=compact with INVALID_CONFIG and a reason', async () => {
    const s = open();
    const err = (await s.createTopic('c', 1, { 'cleanup.policy': 'compact' }).catch((e) => e)) as StorageError;
    expect(err.code).toBe(ErrorCode.INVALID_CONFIG);
    expect(err.message).toMatch(/compact is not supported/);
    await s.close();
  });

  it('acknowledges a duplicate idempotent batch without appending it, and refuses sequence gaps', async () => {
    const s = open();
    await s.createTopic('idem', 1, {});
    const first = buildBatch({ values: ['a', 'b'], producerId: 7, producerEpoch: 0, baseSequence: 0 });
    const copy = Buffer.from(first);
    expect((await s.append('idem', 0, first)).baseOffset).toBe(0);
    expect(await s.append('idem', 0, copy)).toMatchObject({ baseOffset: 0, duplicate: true });
    expect(s.offsets('idem', 0).highWatermark).toBe(2);
    const gap = buildBatch({ values: ['c'], producerId: 7, producerEpoch: 0, baseSequence: 5 });
    await expect(s.append('idem', 0, gap)).rejects.toMatchObject({ code: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER });
    await s.close();
    const again = open();
    expect(await again.append('idem', 0, buildBatch({ values: ['a', 'b'], producerId: 7, producerEpoch: 0, baseSequence: 0 }))).toMatchObject({ duplicate: true });
    expect((await again.append('idem', 0, buildBatch({ values: ['c'], producerId: 7, producerEpoch: 0, baseSequence: 2 }))).baseOffset).toBe(2);
    await again.close();
  });
});
