import { SAMPLE_EVENTS } from '../../testing/event-samples';
import { reportAudited } from './report.audited';

const names = { nameOf: (id: string) => (id === 'L0001' ? '示例银行' : undefined) };
const mapping = reportAudited['query.performed'];
const sample = SAMPLE_EVENTS['query.performed'].data;

describe('query.performed on the audit stream', () => {
  it('an institution query: what was disclosed, to whom, under which authorisation, and the report hash', () => {
    const data = mapping.toData(sample as never);
    expect(data).toEqual({
      queryId: sample.queryId, reportId: sample.reportId, kind: 'INSTITUTION', requester: { kind: 'institution', id: 'L0001' }, authorizationId: sample.authorizationId,
      product: 'CREDIT_REPORT', accounts: [{ bindingId: 'b7d1c0de-0000-4000-8000-000000000001', provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' }],
      period: { from: '2025-11', to: '2026-10', months: 12 }, reportSha256: 'a'.repeat(64), reportBytes: 1234,
    });
    expect(mapping.kind(data)).toBe('INSTITUTION_QUERY');
    expect(mapping.summary(data, names)).toEqual({
      'zh-CN': '示例银行（L0001）依授权查询了信用报告（1 个账户，2025-11 至 2026-10）',
      en: '示例银行 (L0001) queried the credit report under its authorisation (1 account(s), 2025-11 to 2026-10)',
    });
  });

  it('a self-query is SELF_QUERY and has no authorisation', () => {
    const { authorizationId: _a, ...self } = { ...sample, kind: 'SELF', requester: { kind: 'enterprise', id: sample.subject } } as Record<string, unknown>;
    const data = mapping.toData(self as never);
    expect(data).not.toHaveProperty('authorizationId');
    expect(mapping.kind(data)).toBe('SELF_QUERY');
    expect(mapping.summary(data, names)['zh-CN']).toBe('本企业查询了自己的信用报告（1 个账户，2025-11 至 2026-10）');
  });

  it('masks an account number that arrived in full', () => {
    const leaked = { ...sample, accounts: [{ ...(sample.accounts as object[])[0], accountNumber: '6222020200112233445' }] };
    expect(mapping.toData(leaked as never).accounts[0].accountNumber).toBe('6222***********3445');
  });
});
