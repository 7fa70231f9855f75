import { SAMPLE_EVENTS } from '../../testing/event-samples';
import { identityAudited } from './identity.audited';

const noNames = { nameOf: () => undefined };
const read = (type: keyof typeof identityAudited) => {
  const mapping = identityAudited[type];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sample matches its type's contract
  const data = mapping.toData(SAMPLE_EVENTS[type].data as any);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { data, kind: mapping.kind(data as any), summary: mapping.summary(data as any, noNames) };
};

describe('identity events on the audit stream', () => {
  it.each([
    ['subject.logged-in', { challengeId: SAMPLE_EVENTS['subject.logged-in'].data.challengeId }, '登录数据账户', 'Logged in to the data account'],
    ['subject.login-failed', { challengeId: SAMPLE_EVENTS['subject.login-failed'].data.challengeId, reason: 'WRONG_CODE', failedAttempts: 2 }, '登录失败：验证码错误', 'Login failed: wrong code'],
    ['login-challenge.locked', { challengeId: SAMPLE_EVENTS['login-challenge.locked'].data.challengeId }, '多次输入错误验证码，本次登录已锁定', 'Login locked after repeated wrong codes'],
    ['subject.logged-out', {}, '退出登录', 'Logged out'],
    ['data-account.opened', { challengeId: SAMPLE_EVENTS['data-account.opened'].data.challengeId }, '首次登录，开立数据账户', 'Data account opened at the first login'],
  ] as const)('%s keeps only the challenge and the outcome, as a LOGIN item', (type, data, zh, en) => {
    expect(read(type)).toEqual({ data, kind: 'LOGIN', summary: { 'zh-CN': zh, en } });
  });

  it('keeps the USCC out of the data (it is the entry subject) and the token id out altogether', () => {
    expect(JSON.stringify(read('subject.logged-out').data)).toBe('{}');
    expect(read('subject.logged-in').data).not.toHaveProperty('uscc');
  });

  it('institution.registered is a platform-wide entry naming the institution (no activity item)', () => {
    expect(read('institution.registered')).toEqual({
      data: { institutionId: 'L0001', name: '示例银行股份有限公司', roles: ['USER'] },
      kind: undefined,
      summary: { 'zh-CN': '机构登记：示例银行股份有限公司（L0001）', en: 'Institution registered: 示例银行股份有限公司 (L0001)' },
    });
  });
});
