import { createRequire } from 'node:module';

// Valid request frames encoded by kafkajs's own protocol code (a client nobody on the team wrote),
// with fixed inputs so that a seed replays the same run. kafkajs has no types for its internals.
const load = createRequire(__filename);
type Encoded = { buffer: Buffer };
type Request = { apiKey: number; apiVersion: number; encode: () => Promise<unknown> };
type Definitions = Record<string, { protocol: (v: { version: number }) => (args?: unknown) => { request: Request } }>;
const { requests } = load('kafkajs/src/protocol/requests') as { requests: Definitions };
const frame = load('kafkajs/src/protocol/request') as (r: { correlationId: number; clientId: string; request: Request }) => Promise<Encoded>;

/** One valid request and what it is, for messages. */
export interface SeedFrame {
  name: string;
  bytes: Buffer;
}

/** Every API and version the broker advertises, once, aimed at a topic and group that exist. */
export async function seedCorpus(topic: string, group: string): Promise<SeedFrame[]> {
  const t = 1_700_000_000_000;
  const messages = [
    { key: 'k1', value: 'first value', timestamp: t, headers: { h: '1' } },
    { key: null, value: 'second value', timestamp: t + 1 },
  ];
  const partitionsOf = (extra: object) => [{ topic, partitions: [{ partition: 0, ...extra }] }];
  const produce = (compression: number) => ({
    acks: -1,
    timeout: 1000,
    compression,
    topicData: [{ topic, partitions: [{ partition: 0, messages }] }],
  });
  const specs: Array<[string, number[], unknown]> = [
    ['ApiVersions', [0, 1, 2], undefined],
    ['Metadata', [0, 1, 2, 3, 4], { topics: [topic], allowAutoTopicCreation: true }],
    ['Produce', [3, 4, 5, 6, 7], produce(0)],
    ['Produce', [3, 7], produce(1)],
    ['Fetch', [4, 5, 6, 7, 8, 9, 10, 11], { maxWaitTime: 20, minBytes: 1, maxBytes: 1 << 20, topics: partitionsOf({ fetchOffset: '0', maxBytes: 1 << 20 }) }],
    ['ListOffsets', [1, 2], { topics: partitionsOf({ timestamp: -2 }) }],
    ['OffsetCommit', [2, 3, 4, 5], { groupId: group, groupGenerationId: -1, memberId: '', topics: partitionsOf({ offset: '1' }) }],
    ['OffsetFetch', [1, 2, 3, 4], { groupId: group, topics: partitionsOf({}) }],
    ['GroupCoordinator', [0, 1, 2], { groupId: group }],
    ['JoinGroup', [0, 1, 2, 3, 4, 5], joinGroup(group)],
    ['Heartbeat', [0, 1, 2, 3], { groupId: group, groupGenerationId: 1, memberId: 'member-1' }],
    ['LeaveGroup', [0, 1], { groupId: group, memberId: 'member-1' }],
    ['SyncGroup', [0, 1, 2, 3], { groupId: group, generationId: 1, memberId: 'member-1', groupAssignment: [{ memberId: 'member-1', memberAssignment: Buffer.from([0, 1, 0, 0, 0, 0]) }] }],
    ['DescribeGroups', [0, 1, 2], { groupIds: [group] }],
    ['ListGroups', [0, 1, 2], undefined],
    ['CreateTopics', [0, 1, 2, 3], { topics: [{ topic: `${topic}-created`, numPartitions: 2, replicationFactor: 1 }], timeout: 1000 }],
    ['DeleteTopics', [0, 1], { topics: [`${topic}-created`], timeout: 1000 }],
    ['InitProducerId', [0, 1], { transactionalId: null, transactionTimeout: 5000 }],
    ['DeleteGroups', [0, 1], [`${group}-gone`]],
    ['SaslHandshake', [0, 1], { mechanism: 'PLAIN' }],
    ['SaslAuthenticate', [0, 1], { authBytes: Buffer.from('n,,n=user,r=fuzz') }],
  ];
  const corpus: SeedFrame[] = [];
  let correlationId = 1;
  for (const [api, versions, args] of specs) {
    for (const version of versions) {
      const { request } = requests[api].protocol({ version })(args);
      const encoded = await frame({ correlationId: correlationId++, clientId: 'fuzz', request });
      corpus.push({ name: `${api} v${version}`, bytes: Buffer.from(encoded.buffer) });
    }
  }
  corpus.push({ name: 'ApiVersions v3 (flexible, librdkafka first probe)', bytes: apiVersionsV3(correlationId) });
  return corpus;
}

function joinGroup(groupId: string) {
  const metadata = Buffer.from([0, 1, 0, 0, 0, 1, 0, 4, 0x74, 0x6f, 0x70, 0x69, 0, 0, 0, 0]);
  return {
    groupId,
    sessionTimeout: 6000,
    rebalanceTimeout: 500,
    memberId: '',
    protocolType: 'consumer',
    groupProtocols: [{ name: 'RoundRobinAssigner', metadata }],
  };
}

/** What librdkafka sends first: ApiVersions v3 with a flexible (v2) header and compact strings. */
export function apiVersionsV3(correlationId: number): Buffer {
  const clientId = Buffer.from('rdkafka');
  const software = Buffer.from('librdkafka');
  const version = Buffer.from('2.0.2');
  const body = Buffer.concat([
    int16(18),
    int16(3),
    int32(correlationId),
    int16(clientId.length),
    clientId,
    Buffer.from([0]), // header tagged fields
    Buffer.from([software.length + 1]),
    software,
    Buffer.from([version.length + 1]),
    version,
    Buffer.from([0]), // body tagged fields
  ]);
  return Buffer.concat([int32(body.length), body]);
}

function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
