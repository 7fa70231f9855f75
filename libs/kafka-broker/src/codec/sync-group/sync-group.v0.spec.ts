import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeSyncGroupV0, encodeSyncGroupV0 } from './sync-group.v0';

describe('SyncGroup codec', () => {
  it('decodes v0 from exact bytes, copying the assignment out of the frame', () => {
    const frame = Buffer.from('00016700000002000161000000010001610000000201ff', 'hex');
    const req = decodedAll(frame, (r) => decodeSyncGroupV0(r, 0));
    expect(req).toEqual({
      groupId: 'g',
      generationId: 2,
      memberId: 'a',
      groupInstanceId: null,
      assignments: [{ memberId: 'a', assignment: Buffer.from([1, 0xff]) }],
    });
    frame.fill(0);
    expect(req.assignments[0].assignment).toEqual(Buffer.from([1, 0xff]));
  });

  it('decodes kafkajs v3 requests', async () => {
    const groupAssignment = [{ memberId: 'b', memberAssignment: Buffer.from('xyz') }];
    const bytes = await kafkajsRequest('syncGroup', 3, { groupId: 'g', generationId: 4, memberId: 'a', groupAssignment });
    expect(decodedAll(bytes, (r) => decodeSyncGroupV0(r, 3))).toMatchObject({
      generationId: 4,
      assignments: [{ memberId: 'b', assignment: Buffer.from('xyz') }],
    });
  });

  it.each([0, 1, 3])('encodes v%i for kafkajs', async (version) => {
    const body = encoded((w) => encodeSyncGroupV0(w, { errorCode: 27, assignment: Buffer.from([5]) }, version));
    expect(await kafkajsResponse('syncGroup', version, body)).toMatchObject({ errorCode: 27, memberAssignment: Buffer.from([5]) });
  });
});
