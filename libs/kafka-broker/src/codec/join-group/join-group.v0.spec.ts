import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeJoinGroupV0, encodeJoinGroupV0 } from './join-group.v0';

const protocols = [{ name: 'RoundRobinAssigner', metadata: Buffer.from([0, 1, 2, 255]) }];

describe('JoinGroup codec', () => {
  it('decodes v0 from exact bytes: the session timeout doubles as rebalance timeout', () => {
    const bytes = Buffer.from('0001670000753000000008636f6e73756d65720000000100017200000002abcd', 'hex');
    expect(decodedAll(bytes, (r) => decodeJoinGroupV0(r, 0))).toEqual({
      groupId: 'g',
      sessionTimeoutMs: 30000,
      rebalanceTimeoutMs: 30000,
      memberId: '',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'r', metadata: Buffer.from([0xab, 0xcd]) }],
    });
  });

  it('decodes kafkajs v5 requests, metadata verbatim', async () => {
    const args = { groupId: 'grp', sessionTimeout: 6000, rebalanceTimeout: 9000, memberId: 'm-1', protocolType: 'consumer', groupProtocols: protocols };
    const bytes = await kafkajsRequest('joinGroup', 5, args);
    expect(decodedAll(bytes, (r) => decodeJoinGroupV0(r, 5))).toEqual({
      groupId: 'grp',
      sessionTimeoutMs: 6000,
      rebalanceTimeoutMs: 9000,
      memberId: 'm-1',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols,
    });
  });

  it.each([0, 2, 5])('encodes v%i so kafkajs reads the leader member list', async (version) => {
    const result = {
      errorCode: 0,
      generationId: 7,
      protocolName: 'RoundRobinAssigner',
      leader: 'm-1',
      memberId: 'm-1',
      members: [{ memberId: 'm-1', groupInstanceId: null, metadata: Buffer.from([9, 8]) }],
    };
    const decoded = await kafkajsResponse('joinGroup', version, encoded((w) => encodeJoinGroupV0(w, result, version)));
    expect(decoded).toMatchObject({ errorCode: 0, generationId: 7, groupProtocol: 'RoundRobinAssigner', leaderId: 'm-1', memberId: 'm-1' });
    expect(decoded.members).toEqual([expect.objectContaining({ memberId: 'm-1', memberMetadata: Buffer.from([9, 8]) })]);
  });
});
