import { explainLoginError } from '../pages/login/login-errors';
import { ApiError, isNotAvailable } from './http';
import { readActivity, readAuthorizations, readBindings, readDeclarations, readGuide, readMessages, readObjections } from './shapes';

// The readers against the shapes the services answer (their DTOs in libs/api: binding, consent, audit, identity, ingestion).
describe('API readers', () => {
  it('reads binding\'s list: masked account, status, the agreement signed, a rejection reason', () => {
    const body = { bindings: [
      { id: 'b-1', provider: 'B0001', account: { number: '6222***********3445', type: 'BASIC' }, status: 'ACTIVE', agreement: { version: '1.0', sha256: 'ab', acceptedAt: '2026-11-01T00:00:00Z' }, requestedAt: '2026-11-01T00:00:00Z' },
      { id: 'b-2', provider: 'P0001', account: { number: '8888****0001', type: 'PAYMENT' }, status: 'REJECTED', agreement: { version: '1.0' }, requestedAt: '2026-11-02T00:00:00Z', rejectionReason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' },
    ] };
    expect(readBindings(body)).toEqual([
      { id: 'b-1', provider: 'B0001', accountNumber: '6222***********3445', accountType: 'BASIC', status: 'ACTIVE', agreementVersion: '1.0', requestedAt: '2026-11-01T00:00:00Z', reason: undefined },
      { id: 'b-2', provider: 'P0001', accountNumber: '8888****0001', accountType: 'PAYMENT', status: 'REJECTED', agreementVersion: '1.0', requestedAt: '2026-11-02T00:00:00Z', reason: 'ACCOUNT_NOT_HELD_BY_SUBJECT' },
    ]);
  });

  it('reads consent\'s list: the granted scope wins over the request', () => {
    const request = { products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validDays: 30, accounts: ['b-1', 'b-2'], queryLimit: { count: 5, perDays: 30 }, requestedAt: '2026-11-01T00:00:00Z', answerBy: '2026-11-08T00:00:00Z' };
    const [pending, active] = readAuthorizations({ items: [
      { id: 'a-1', subject: 'S', lender: 'L0001', purpose: 'LOAN_APPLICATION', status: 'PENDING', request },
      { id: 'a-2', subject: 'S', lender: 'L0002', purpose: 'POST_LOAN_MANAGEMENT', status: 'ACTIVE', request, scope: { accounts: ['b-1'], products: ['CREDIT_REPORT'], months: 12, queryLimit: { count: 2, perDays: 30 }, grantedAt: '2026-11-02T00:00:00Z', validUntil: '2026-12-02T00:00:00Z' } },
    ] });
    expect(pending).toMatchObject({ id: 'a-1', lender: 'L0001', products: ['CREDIT_REPORT', 'DETAIL_SUMMARY'], months: 12, validDays: 30, accounts: ['b-1', 'b-2'], queryLimit: { count: 5, perDays: 30 }, requestedAt: '2026-11-01T00:00:00Z', history: [] });
    expect(active).toMatchObject({ products: ['CREDIT_REPORT'], accounts: ['b-1'], queryLimit: { count: 2, perDays: 30 }, validUntil: '2026-12-02T00:00:00Z' });
  });

  it('reads an authorisation\'s history with its actors', () => {
    const [a] = readAuthorizations([{ id: 'a', lender: 'L0001', purpose: 'LOAN_APPLICATION', status: 'ACTIVE', history: [{ type: 'authorization.granted', at: '2026-11-02T00:00:00Z', actor: { kind: 'enterprise', id: 'S' }, data: {} }] }]);
    expect(a.history).toEqual([{ what: 'authorization.granted', at: '2026-11-02T00:00:00Z', by: 'S' }]);
  });

  it('reads objections and the guide, in the page\'s language, whatever the nesting', () => {
    expect(readObjections([{ id: 'o', bindingId: 'b', period: '2026-07', reason: 'r', status: 'SUBMITTED', dueBy: '2026-11-21T00:00:00Z', fields: ['inflow'] }])[0]).toMatchObject({ status: 'SUBMITTED', fields: ['inflow'] });
    const guide = { sections: [{ id: 'login', title: { zh: '登录指引', en: 'Logging in' }, body: { zh: '第一段\n第二段', en: 'One\nTwo' } }], faq: [{ question: { zh: '问', en: 'Q' }, answer: { zh: '答', en: 'A' } }] };
    expect(readGuide(guide, 'en')).toEqual({ sections: [{ id: 'login', title: 'Logging in', paragraphs: ['One', 'Two'] }], faq: [{ id: 'faq-0', title: 'Q', paragraphs: ['A'] }] });
    expect(readGuide({ nothing: true }, 'zh-CN')).toBeUndefined();
  });

  it("reads ingestion's objections: masked account, status, due date, the provider's answer from the history", () => {
    const [open, upheld] = readObjections({ objections: [
      { id: 'o-1', bindingId: 'b-1', provider: 'B0001', account: { number: '6222***********3445', type: 'BASIC' }, period: '2026-10', fields: ['inflow.amount'], reason: '十月流入有误', status: 'SUBMITTED', disputedRevision: 1, raisedAt: '2026-11-02T02:00:00.000Z', dueBy: '2026-11-22T02:00:00.000Z', history: [{ status: 'SUBMITTED', at: '2026-11-02T02:00:00.000Z' }] },
      { id: 'o-2', bindingId: 'b-1', provider: 'B0001', account: { number: '6222***********3445', type: 'BASIC' }, period: '2026-09', fields: [], reason: 'r', status: 'UPHELD', disputedRevision: 1, raisedAt: '2026-11-02T02:00:00.000Z', dueBy: '2026-11-22T02:00:00.000Z', history: [{ status: 'SUBMITTED', at: '2026-11-02T02:00:00.000Z' }, { status: 'UPHELD', at: '2026-11-03T02:00:00.000Z', note: '经复核，数据无误', late: false }] },
    ] });
    expect(open).toEqual({ id: 'o-1', bindingId: 'b-1', period: '2026-10', fields: ['inflow.amount'], reason: '十月流入有误', status: 'SUBMITTED', dueBy: '2026-11-22T02:00:00.000Z', at: '2026-11-02T02:00:00.000Z', note: undefined, account: { provider: 'B0001', accountType: 'BASIC', accountNumber: '6222***********3445' } });
    expect(upheld).toMatchObject({ status: 'UPHELD', note: '经复核，数据无误' });
  });

  it("reads identity's messages and declarations, and audit's activity record", () => {
    expect(readMessages({ messages: [{ id: 'm', text: '问', at: '2026-11-24T05:00:00.000Z', status: 'REPLIED', reply: { text: '答', at: '2026-11-24T09:30:00.000Z' } }] })).toEqual([{ id: 'm', text: '问', at: '2026-11-24T05:00:00.000Z', reply: { text: '答', at: '2026-11-24T09:30:00.000Z' } }]);
    expect(readDeclarations({ declarations: [
      { id: 'd-1', text: '声明', scope: 'MONTH', bindingId: 'b-1', period: '2026-10', at: '2026-11-24T05:00:00.000Z', status: 'ACTIVE' },
      { id: 'd-2', text: '旧', scope: 'REPORT', at: '2026-11-20T05:00:00.000Z', status: 'WITHDRAWN', withdrawnAt: '2026-11-25T02:00:00.000Z' },
    ] })).toEqual([
      { id: 'd-1', text: '声明', at: '2026-11-24T05:00:00.000Z', bindingId: 'b-1', period: '2026-10', status: 'ACTIVE' },
      { id: 'd-2', text: '旧', at: '2026-11-20T05:00:00.000Z', bindingId: undefined, period: undefined, status: 'WITHDRAWN' },
    ]);
    const entry = { seq: 42, at: '2026-11-24T08:00:00.000Z', type: 'authorization.requested', subject: 'S', actor: { kind: 'institution', id: 'L0001' }, data: {} };
    expect(readActivity({ subject: 'S', throughSeq: 42, items: [{ seq: 42, at: entry.at, kind: 'AUTHORIZATION', type: entry.type, actor: { kind: 'institution', id: 'L0001', name: '示例银行' }, summary: { 'zh-CN': '申请', en: 'asked' }, entry }] })).toEqual([
      { seq: 42, at: entry.at, kind: 'AUTHORIZATION', type: 'authorization.requested', actor: '示例银行', summary: { 'zh-CN': '申请', en: 'asked' }, entry },
    ]);
  });

  it('tells a route that is not deployed from a resource that is not there', () => {
    expect(isNotAvailable(new ApiError(404, 'NOT_FOUND', 'no route GET /v1/subject/bindings'))).toBe(true);
    expect(isNotAvailable(new ApiError(404, 'BINDING_NOT_FOUND', 'no such binding'))).toBe(false);
  });

  it('explains login problems: fields beside the fields, codes above the form, when to start again', () => {
    const field = explainLoginError(new ApiError(400, 'VALIDATION_FAILED', 'uscc: check character is wrong', { errors: [{ field: 'uscc', code: 'USCC_CHECK_CHARACTER', message: 'check character is wrong' }, { field: 'legalRepName', code: 'SOMETHING_NEW', message: 'the API\'s words' }] }));
    expect(field?.fields).toEqual({ uscc: { key: 'login.field.USCC_CHECK_CHARACTER', message: 'check character is wrong' }, legalRepName: { key: undefined, message: 'the API\'s words' } });
    expect(explainLoginError(new ApiError(429, 'RATE_LIMITED', 'x', { retryAfter: 600 }))?.form).toEqual({ key: 'login.error.RATE_LIMITED', params: { minutes: 10 } });
    expect(explainLoginError(new ApiError(401, 'LOGIN_CODE_REJECTED', 'x', { reason: 'LOCKED' }))).toMatchObject({ form: { key: 'login.error.LOCKED' }, restart: true });
    expect(explainLoginError(new ApiError(401, 'LOGIN_CODE_REJECTED', 'x', { reason: 'WRONG_CODE' }))).toMatchObject({ form: { key: 'login.error.WRONG_CODE' }, restart: false });
    expect(explainLoginError(new ApiError(500, 'INTERNAL', 'x'))).toBeUndefined();
  });
});
