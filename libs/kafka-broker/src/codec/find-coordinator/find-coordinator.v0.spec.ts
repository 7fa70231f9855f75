import { decodedAll, encoded, kafkajsRequest, kafkajsResponse } from '../kafkajs.peer';
import { decodeFindCoordinatorV0, encodeFindCoordinatorV0 } from './find-coordinator.v0';

describe('FindCoordinator codec', () => {
  it('decodes v0 (groups only) and kafkajs v2 with a key type', async () => {
    expect(decodedAll(Buffer.from('000167', 'hex'), (r) => decodeFindCoordinatorV0(r, 0))).toEqual({ key: 'g', keyType: 0 });
    const bytes = await kafkajsRequest('findCoordinator', 2, { coordinatorKey: 'tx', coordinatorType: 1 });
    expect(decodedAll(bytes, (r) => decodeFindCoordinatorV0(r, 2))).toEqual({ key: 'tx', keyType: 1 });
  });

  it('encodes v0 exactly and v1/v2 for kafkajs', async () => {
    const res = { errorCode: 0, errorMessage: null, nodeId: 0, host: 'h', port: 9092 };
    expect(encoded((w) => encodeFindCoordinatorV0(w, res, 0)).toString('hex')).toBe('0000' + '00000000' + '000168' + '00002384');
    for (const version of [1, 2]) {
      const decoded = await kafkajsResponse('findCoordinator', version, encoded((w) => encodeFindCoordinatorV0(w, res, version)));
      expect(decoded).toMatchObject({ errorCode: 0, coordinator: { nodeId: 0, host: 'h', port: 9092 } });
    }
  });
});
