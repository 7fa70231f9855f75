import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeOffsetCommitV2, encodeOffsetCommitV2 } from './offset-commit.v2';

const topics = [{ topic: 't', partitions: [{ partition: 1, offset: '42', metadata: null }, { partition: 2, offset: '-1', metadata: 'x' }] }];
const expected = {
  groupId: 'g',
  generationId: 3,
  memberId: 'm',
  topics: [{ name: 't', partitions: [{ partition: 1, offset: 42, metadata: null }, { partition: 2, offset: -1, metadata: 'x' }] }],
};

describe('OffsetCommit codec', () => {
  it('decodes v2 (with retention time) from exact bytes', () => {
    const hex = '000167' + '00000003' + '00016d' + 'ffffffffffffffff' + '00000001' + '000174' + '00000001' + '00000000' + '0000000000000007' + 'ffff';
    expect(decodedAll(Buffer.from(hex, 'hex'), (r) => decodeOffsetCommitV2(r, 2))).toEqual({
      groupId: 'g',
      generationId: 3,
      memberId: 'm',
      topics: [{ name: 't', partitions: [{ partition: 0, offset: 7, metadata: null }] }],
    });
  });

  it('decodes kafkajs v2 and v5 requests, -1 kept as given', async () => {
    const v2 = await kafkajsRequest('offsetCommit', 2, { groupId: 'g', groupGenerationId: 3, memberId: 'm', retentionTime: -1, topics });
    expect(decodedAll(v2, (r) => decodeOffsetCommitV2(r, 2))).toEqual(expected);
    const v5 = await kafkajsRequest('offsetCommit', 5, { groupId: 'g', groupGenerationId: 3, memberId: 'm', topics });
    expect(decodedAll(v5, (r) => decodeOffsetCommitV2(r, 5))).toEqual(expected);
  });

  it.each([2, 3, 5])('encodes v%i for kafkajs', async (version) => {
    const res = { topics: [{ name: 't', partitions: [{ partition: 1, errorCode: 22 }] }] };
    const decoded = await kafkajsResponse('offsetCommit', version, encoded((w) => encodeOffsetCommitV2(w, res, version)));
    expect(decoded.responses).toEqual([{ topic: 't', partitions: [{ partition: 1, errorCode: 22 }] }]);
  });
});
