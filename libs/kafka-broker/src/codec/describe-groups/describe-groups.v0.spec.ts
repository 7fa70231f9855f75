import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeDescribeGroupsV0, encodeDescribeGroupsV0 } from './describe-groups.v0';

describe('DescribeGroups codec', () => {
  it('decodes kafkajs v2 requests', async () => {
    const bytes = await kafkajsRequest('describeGroups', 2, { groupIds: ['a', 'bb'] });
    expect(bytes.toString('hex')).toBe('00000002000161' + '00026262');
    expect(decodedAll(bytes, decodeDescribeGroupsV0)).toEqual({ groups: ['a', 'bb'] });
  });

  it.each([0, 1, 2])('encodes v%i for kafkajs, member bytes verbatim', async (version) => {
    const group = {
      errorCode: 0,
      groupId: 'g',
      state: 'Stable' as const,
      protocolType: 'consumer',
      protocolName: 'range',
      members: [{ memberId: 'm', clientId: 'c', clientHost: '/127.0.0.1', metadata: Buffer.from([1]), assignment: Buffer.from([2, 3]) }],
    };
    const decoded = await kafkajsResponse('describeGroups', version, encoded((w) => encodeDescribeGroupsV0(w, { groups: [group] }, version)));
    expect(decoded.groups).toEqual([
      {
        errorCode: 0,
        groupId: 'g',
        state: 'Stable',
        protocolType: 'consumer',
        protocol: 'range',
        members: [{ memberId: 'm', clientId: 'c', clientHost: '/127.0.0.1', memberMetadata: Buffer.from([1]), memberAssignment: Buffer.from([2, 3]) }],
      },
    ]);
  });
});
