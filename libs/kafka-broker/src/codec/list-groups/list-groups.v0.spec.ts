import { encoded, kafkajsResponse } from '../kafkajs.peer';
import { encodeListGroupsV0 } from './list-groups.v0';

describe('ListGroups codec', () => {
  it('encodes v0 exactly', () => {
    const body = encoded((w) => encodeListGroupsV0(w, { errorCode: 0, groups: [{ groupId: 'g', protocolType: '' }] }, 0));
    expect(body.toString('hex')).toBe('0000' + '00000001' + '000167' + '0000');
  });

  it.each([0, 1, 2])('encodes v%i for kafkajs', async (version) => {
    const res = { errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer' }] };
    const decoded = await kafkajsResponse('listGroups', version, encoded((w) => encodeListGroupsV0(w, res, version)));
    expect(decoded).toMatchObject({ errorCode: 0, groups: [{ groupId: 'g', protocolType: 'consumer' }] });
  });
});
