import { SAMPLE_EVENTS } from '../../testing/event-samples';
import { bindingAudited } from './binding.audited';

const names = { nameOf: (id: string) => (id === 'B0001' ? '示例商业银行' : undefined) };
const account = { number: '6222***********3445', type: 'BASIC' };
const common = { bindingId: SAMPLE_EVENTS['binding.confirmed'].data.bindingId, provider: 'B0001', account };
const read = (type: keyof typeof bindingAudited) => {
  const mapping = bindingAudited[type];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sample matches its type's contract
  const data = mapping.toData(SAMPLE_EVENTS[type].data as any);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { data, kind: mapping.kind(data as any), summary: mapping.summary(data as any, names) };
};

describe('binding events on the audit stream', () => {
  it('binding.requested: masked account, provider, the agreement version and hash accepted', () => {
    expect(read('binding.requested')).toEqual({
      data: { ...common, agreement: { version: '1.0', sha256: 'e'.repeat(64), acceptedAt: '2026-11-24T08:00:00.000Z' } },
      kind: 'BINDING',
      summary: {
        'zh-CN': '申请绑定示例商业银行（B0001）的基本户 6222***********3445，签署委托协议 1.0 版',
        en: 'Asked to bind basic account 6222***********3445 at 示例商业银行 (B0001), entrustment agreement 1.0 accepted',
      },
    });
  });

  it.each([
    ['binding.confirmed', common, '示例商业银行（B0001）确认绑定基本户 6222***********3445', '示例商业银行 (B0001) confirmed the binding of basic account 6222***********3445'],
    ['binding.rejected', { ...common, reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' }, '示例商业银行（B0001）拒绝绑定基本户 6222***********3445（ACCOUNT_NOT_HELD_BY_SUBJECT）', '示例商业银行 (B0001) refused to bind basic account 6222***********3445 (ACCOUNT_NOT_HELD_BY_SUBJECT)'],
    ['binding.ended', common, '解除绑定示例商业银行（B0001）的基本户 6222***********3445', 'Unbound basic account 6222***********3445 at 示例商业银行 (B0001)'],
    ['binding.expired', common, '示例商业银行（B0001）未在 7 日内答复，基本户 6222***********3445的绑定申请已失效', 'Binding request for basic account 6222***********3445 expired: 示例商业银行 (B0001) did not answer within 7 days'],
  ] as const)('%s', (type, data, zh, en) => {
    expect(read(type)).toEqual({ data, kind: 'BINDING', summary: { 'zh-CN': zh, en } });
  });

  it('names a provider by id alone when the stream has not registered it', () => {
    const data = bindingAudited['binding.ended'].toData(SAMPLE_EVENTS['binding.ended'].data as never);
    expect(bindingAudited['binding.ended'].summary(data, { nameOf: () => undefined }).en).toBe('Unbound basic account 6222***********3445 at B0001');
  });
});
