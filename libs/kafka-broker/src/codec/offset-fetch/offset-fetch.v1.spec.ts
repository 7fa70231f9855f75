import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeOffsetFetchV1, encodeOffsetFetchV1 } from './offset-fetch.v1';

describe('OffsetFetch codec', () => {
  it('decodes v2+ null topics (= all) from exact bytes', () => {
    expect(decodedAll(Buffer.from('000167ffffffff', 'hex'), (r) => decodeOffsetFetchV1(r, 2))).toEqual({ groupId: 'g', topics: null });
  });

  it('decodes kafkajs v1 and v4 requests', async () => {
    const topics = [{ topic: 't', partitions: [{ partition: 0 }, { partition: 3 }] }];
    for (const version of [1, 4]) {
      const bytes = await kafkajsRequest('offsetFetch', version, { groupId: 'g', topics });
      expect(decodedAll(bytes, (r) => decodeOffsetFetchV1(r, version))).toEqual({ groupId: 'g', topics: [{ topic: 't', partitions: [0, 3] }] });
    }
  });

  it.each([1, 2, 3, 4])('encodes v%i for kafkajs: -1 offset, null metadata', async (version) => {
    const res = { errorCode: 0, topics: [{ name: 't', partitions: [{ partition: 0, offset: -1, metadata: null, errorCode: 0 }] }] };
    const decoded = await kafkajsResponse('offsetFetch', version, encoded((w) => encodeOffsetFetchV1(w, res, version)));
    expect(decoded.responses).toEqual([{ topic: 't', partitions: [{ partition: 0, offset: '-1', metadata: null, errorCode: 0 }] }]);
  });
});
