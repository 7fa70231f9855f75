import { SAMPLE_EVENTS } from '../../testing/event-samples';
import { consentAudited } from './consent.audited';

const names = { nameOf: (id: string) => (id === 'L0001' ? '示例银行' : undefined) };
const ref = { authorizationId: SAMPLE_EVENTS['authorization.rejected'].data.authorizationId, lender: 'L0001' };
const bindingId = SAMPLE_EVENTS['binding.ended'].data.bindingId;
const read = (type: keyof typeof consentAudited, data: Record<string, unknown> = SAMPLE_EVENTS[type].data) => {
  const mapping = consentAudited[type];
  const mapped = mapping.toData(data as never);
  return { data: mapped, kind: mapping.kind(mapped as never), summary: mapping.summary(mapped as never, names) };
};

describe('consent events on the audit stream', () => {
  it('authorization.requested: purpose, products, scope, cap and answer-by, the lender named', () => {
    expect(read('authorization.requested')).toEqual({
      data: { ...ref, purpose: 'LOAN_APPLICATION', products: ['CREDIT_REPORT'], months: 12, validDays: 30, accounts: [bindingId], queryLimit: { count: 2, perDays: 1 }, answerBy: '2026-12-01T08:00:00.000Z' },
      kind: 'AUTHORIZATION',
      summary: {
        'zh-CN': '示例银行（L0001）申请查询授权：用途贷款申请，信用报告，12 个月数据，有效 30 天',
        en: '示例银行 (L0001) asked for an authorisation: loan application, credit report, 12 months of data, valid 30 days',
      },
    });
    const { accounts: _accounts, ...withoutAccounts } = SAMPLE_EVENTS['authorization.requested'].data;
    expect(read('authorization.requested', withoutAccounts).data).not.toHaveProperty('accounts');
  });

  it('authorization.granted: the granted scope, valid-until as a Beijing date', () => {
    expect(read('authorization.granted')).toEqual({
      data: { ...ref, accounts: [bindingId], products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validUntil: '2026-12-24T17:00:00.000Z', queryLimit: { count: 2, perDays: 1 } },
      kind: 'AUTHORIZATION',
      summary: {
        'zh-CN': '授权示例银行（L0001）查询信用报告、明细汇总：1 个账户，12 个月，有效至 2026-12-25',
        en: 'Authorised 示例银行 (L0001) to query the credit report and detail summary: 1 account(s), 12 months, valid until 2026-12-25',
      },
    });
  });

  it.each([
    ['authorization.rejected', ref, '拒绝示例银行（L0001）的查询授权申请', 'Refused the authorisation 示例银行 (L0001) asked for'],
    ['authorization.revoked', ref, '撤销对示例银行（L0001）的查询授权', 'Revoked the authorisation of 示例银行 (L0001)'],
    ['authorization.paused', ref, '暂停对示例银行（L0001）的查询授权', 'Paused the authorisation of 示例银行 (L0001)'],
    ['authorization.resumed', ref, '恢复对示例银行（L0001）的查询授权', 'Resumed the authorisation of 示例银行 (L0001)'],
    ['authorization.expired', { ...ref, phase: 'GRANT' }, '对示例银行（L0001）的查询授权已到期', 'The authorisation of 示例银行 (L0001) expired'],
    ['authorization.extended', { ...ref, addedAccounts: [], validUntil: '2027-01-24T08:00:00.000Z' }, '延长对示例银行（L0001）的查询授权至 2027-01-24', 'Extended the authorisation of 示例银行 (L0001) until 2027-01-24'],
  ] as const)('%s', (type, data, zh, en) => {
    expect(read(type)).toEqual({ data, kind: 'AUTHORIZATION', summary: { 'zh-CN': zh, en } });
  });

  it('says which phase expired, and how many accounts an extension added', () => {
    expect(read('authorization.expired', { ...SAMPLE_EVENTS['authorization.expired'].data, phase: 'REQUEST' }).summary.en).toBe('The authorisation 示例银行 (L0001) asked for expired unanswered');
    expect(read('authorization.extended', { ...SAMPLE_EVENTS['authorization.extended'].data, addedAccounts: ['b-2', 'b-3'] }).summary['zh-CN']).toBe('扩展对示例银行（L0001）的查询授权：新增 2 个账户，有效至 2027-01-24');
  });
});
