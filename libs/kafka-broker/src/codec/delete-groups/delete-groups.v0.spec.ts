import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeDeleteGroupsV0, encodeDeleteGroupsV0 } from './delete-groups.v0';

describe('DeleteGroups codec', () => {
  it('decodes kafkajs v1 requests and encodes responses kafkajs reads', async () => {
    const bytes = await kafkajsRequest('deleteGroups', 1, ['g1', 'g2']);
    expect(decodedAll(bytes, decodeDeleteGroupsV0)).toEqual({ groups: ['g1', 'g2'] });
    const res = { results: [{ groupId: 'g1', errorCode: 0 }, { groupId: 'g2', errorCode: 68 }] };
    const body = encoded((w) => encodeDeleteGroupsV0(w, res));
    expect(body.toString('hex')).toBe('00000000' + '00000002' + '00026731' + '0000' + '00026732' + '0044');
    expect((await kafkajsResponse('deleteGroups', 1, body)).results).toEqual([
      { groupId: 'g1', errorCode: 0 },
      expect.objectContaining({ groupId: 'g2', errorCode: 68 }),
    ]);
  });
});
