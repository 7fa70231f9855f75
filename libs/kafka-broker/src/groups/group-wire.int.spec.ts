import { ApiKey } from '../codec/api-keys';
import type { Reader } from '../codec/primitives/reader';
import type { Writer } from '../codec/primitives/writer';
import { RawKafkaClient } from '../testing/raw-kafka.client';
import { startTempBroker } from '../testing/temp-broker';
import { eventually } from './group.int.kit';

/** Group requests on the wire, byte for byte, including the timers that run on the real clock. */
describe('group APIs on the wire', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let raw: RawKafkaClient;

  beforeAll(async () => {
    broker = await startTempBroker();
    raw = await RawKafkaClient.open(broker.address);
  });
  afterAll(async () => {
    raw.close();
    await broker.remove();
  });

  const joinV4 = (memberId: string) => (w: Writer) =>
    w.string('wire').int32(300).int32(1000).string(memberId).string('consumer').array([Buffer.from([7, 0, 7])], (w, m) => w.string('range').bytes(m));
  const heartbeatV3 = (generation: number, memberId: string) => (w: Writer) =>
    w.string('wire').int32(generation).string(memberId).nullableString(null);
  const errorAfterThrottle = (r: Reader) => (r.int32(), r.int16());

  it('answers FindCoordinator for groups with this broker and refuses transaction coordinators', async () => {
    const group = await raw.request(ApiKey.FindCoordinator, 2, (w) => w.string('wire').int8(0));
    expect([group.int32(), group.int16(), group.nullableString(), group.int32(), group.string(), group.int32()]).toEqual([
      0, 0, null, 0, broker.host, broker.port,
    ]);
    const txn = await raw.request(ApiKey.FindCoordinator, 2, (w) => w.string('tx-1').int8(1));
    expect([txn.int32(), txn.int16(), txn.nullableString()]).toEqual([0, 42, 'transactions are not supported by this broker']);
  });

  it('runs the v4 member-id dance, syncs, heartbeats, then evicts a silent member after its session timeout', async () => {
    const first = await raw.request(ApiKey.JoinGroup, 4, joinV4(''));
    expect([first.int32(), first.int16(), first.int32(), first.string(), first.string()]).toEqual([0, 79, -1, '', '']);
    const memberId = first.string();
    expect(memberId).toMatch(/^raw-test-[0-9a-f-]{36}$/);

    const joined = await raw.request(ApiKey.JoinGroup, 4, joinV4(memberId));
    expect([joined.int32(), joined.int16(), joined.int32(), joined.string(), joined.string(), joined.string()]).toEqual([
      0, 0, 1, 'range', memberId, memberId,
    ]);
    expect(joined.array((r) => [r.string(), Buffer.from(r.bytes())])).toEqual([[memberId, Buffer.from([7, 0, 7])]]);

    const sync = await raw.request(ApiKey.SyncGroup, 3, (w) =>
      w.string('wire').int32(1).string(memberId).nullableString(null).array([memberId], (w, id) => w.string(id).bytes(Buffer.from('mine'))),
    );
    expect([sync.int32(), sync.int16(), sync.bytes().toString()]).toEqual([0, 0, 'mine']);
    expect(errorAfterThrottle(await raw.request(ApiKey.Heartbeat, 3, heartbeatV3(1, memberId)))).toBe(0);
    expect(errorAfterThrottle(await raw.request(ApiKey.Heartbeat, 3, heartbeatV3(0, memberId)))).toBe(22);

    const state = async () => {
      const r = await raw.request(ApiKey.DescribeGroups, 0, (w) => w.array(['wire'], (w, g) => w.string(g)));
      return r.array((r) => (r.int16(), r.string(), r.string()))[0];
    };
    expect(await state()).toBe('Stable');
    await eventually('silent member evicted', state, (s) => s === 'Empty', 3000);
    expect(errorAfterThrottle(await raw.request(ApiKey.Heartbeat, 3, heartbeatV3(1, memberId)))).toBe(25);
    expect(errorAfterThrottle(await raw.request(ApiKey.LeaveGroup, 1, (w) => w.string('wire').string(memberId)))).toBe(25);
  });
});
