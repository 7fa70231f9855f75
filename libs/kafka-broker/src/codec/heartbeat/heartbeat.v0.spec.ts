import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeHeartbeatV0, encodeHeartbeatV0 } from './heartbeat.v0';

describe('Heartbeat codec', () => {
  it('decodes v0 from exact bytes and kafkajs v3 requests', async () => {
    expect(decodedAll(Buffer.from('0001670000000300016d', 'hex'), (r) => decodeHeartbeatV0(r, 0))).toEqual({
      groupId: 'g',
      generationId: 3,
      memberId: 'm',
      groupInstanceId: null,
    });
    const bytes = await kafkajsRequest('heartbeat', 3, { groupId: 'g', groupGenerationId: 9, memberId: 'm' });
    expect(decodedAll(bytes, (r) => decodeHeartbeatV0(r, 3))).toEqual({ groupId: 'g', generationId: 9, memberId: 'm', groupInstanceId: null });
  });

  it('encodes v0 and v1+ exactly', () => {
    expect(encoded((w) => encodeHeartbeatV0(w, { errorCode: 27 }, 0)).toString('hex')).toBe('001b');
    expect(encoded((w) => encodeHeartbeatV0(w, { errorCode: 27 }, 3)).toString('hex')).toBe('00000000001b');
  });

  it('kafkajs reads the v3 response', async () => {
    const body = encoded((w) => encodeHeartbeatV0(w, { errorCode: 0 }, 3));
    expect(await kafkajsResponse('heartbeat', 3, body)).toMatchObject({ errorCode: 0 });
  });
});
