import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeLeaveGroupV0, encodeLeaveGroupV0 } from './leave-group.v0';

describe('LeaveGroup codec', () => {
  it('decodes kafkajs v1 requests and encodes responses kafkajs reads', async () => {
    const bytes = await kafkajsRequest('leaveGroup', 1, { groupId: 'grp', memberId: 'm-2' });
    expect(bytes.toString('hex')).toBe('000367727000036d2d32');
    expect(decodedAll(bytes, decodeLeaveGroupV0)).toEqual({ groupId: 'grp', memberId: 'm-2' });
    const body = encoded((w) => encodeLeaveGroupV0(w, { errorCode: 25 }, 1));
    expect(await kafkajsResponse('leaveGroup', 1, body)).toMatchObject({ errorCode: 25 });
  });
});
