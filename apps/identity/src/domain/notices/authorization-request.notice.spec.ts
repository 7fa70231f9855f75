import { authorizationRequestNotice, stillAnswerable } from './authorization-request.notice';

describe('authorisation request notice', () => {
  const request = { lender: 'L0001', purpose: 'LOAN_APPLICATION' as const, products: ['CREDIT_REPORT' as const, 'DETAIL_SUMMARY' as const], months: 12, answerBy: '2026-11-17T02:00:00.000Z' };

  it('says who asks, for what and until when (Beijing time), and nothing personal', () => {
    const text = authorizationRequestNotice(request);
    expect(text).toContain('机构L0001');
    expect(text).toContain('贷款申请');
    expect(text).toContain('信用报告、明细汇总');
    expect(text).toContain('近12个月');
    expect(text).toContain('2026-11-17 10:00');
    expect(text).not.toMatch(/\d{11}/); // no mobile, no ID number
  });

  it('is not sent once the request can no longer be answered', () => {
    expect(stillAnswerable(request, new Date('2026-11-17T01:59:59Z'))).toBe(true);
    expect(stillAnswerable(request, new Date('2026-11-17T02:00:00Z'))).toBe(false);
  });
});
