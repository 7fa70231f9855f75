import { challengeRefOf } from '@cfc/contracts';
import { CHALLENGE_ID, LOGIN_SAMPLES_V1, SAMPLE_EVENTS, type EventSample } from '../../testing/event-samples';
import { identityAudited } from './identity.audited';

const noNames = { nameOf: () => undefined };
const read = (type: keyof typeof identityAudited, samples: Record<string, EventSample> = SAMPLE_EVENTS) => {
  const mapping = identityAudited[type];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sample matches its type's contract
  const data = mapping.toData(samples[type].data as any);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { data, kind: mapping.kind(data as any), summary: mapping.summary(data as any, noNames) };
};

// The reference identity publishes for the samples' challenge (SHA-256 of the id, base64url).
const challengeRef = 'bhumd9tRhJRG_3XW_qm_lwiNXvOfziMWv5Z4nN6wv9A';

describe('identity events on the audit stream', () => {
  it('the samples carry the reference of their challenge, computed as identity computes it', () => {
    expect(challengeRefOf(CHALLENGE_ID)).toBe(challengeRef);
    for (const type of Object.keys(LOGIN_SAMPLES_V1)) expect([type, SAMPLE_EVENTS[type].data.challengeRef]).toEqual([type, challengeRef]);
  });

  it.each([
    ['subject.logged-in', { challengeRef }, '登录数据账户', 'Logged in to the data account'],
    ['subject.login-failed', { challengeRef, reason: 'WRONG_CODE', fromRequestingClient: true, failedAttempts: 2, otherClientFailedAttempts: 0 }, '登录失败：验证码错误', 'Login failed: wrong code'],
    ['login-challenge.locked', { challengeRef }, '多次输入错误验证码，本次登录已锁定', 'Login locked after repeated wrong codes'],
    ['subject.logged-out', {}, '退出登录', 'Logged out'],
    ['data-account.opened', { challengeRef }, '首次登录，开立数据账户', 'Data account opened at the first login'],
  ] as const)('%s keeps only the challenge reference and the outcome, as a LOGIN item', (type, data, zh, en) => {
    expect(read(type)).toEqual({ data, kind: 'LOGIN', summary: { 'zh-CN': zh, en } });
  });

  it.each(Object.keys(LOGIN_SAMPLES_V1) as (keyof typeof identityAudited)[])(
    '%s at version 1 enters as version 2 does: its challenge id hashed into the reference, never in clear',
    (type) => {
      const old = read(type, LOGIN_SAMPLES_V1);
      expect(old).toEqual(read(type));
      expect(JSON.stringify(old.data)).not.toContain(CHALLENGE_ID);
      expect(old.data).not.toHaveProperty('challengeId');
    },
  );


  it('says when a failed attempt came from another client than the one that asked for the code', () => {
    const fromElsewhere = { ...SAMPLE_EVENTS['subject.login-failed'], data: { ...SAMPLE_EVENTS['subject.login-failed'].data, fromRequestingClient: false, failedAttempts: 0, otherClientFailedAttempts: 3 } };
    expect(read('subject.login-failed', { 'subject.login-failed': fromElsewhere })).toEqual({
      data: { challengeRef, reason: 'WRONG_CODE', fromRequestingClient: false, failedAttempts: 0, otherClientFailedAttempts: 3 },
      kind: 'LOGIN',
      summary: { 'zh-CN': '来自其他客户端的登录尝试失败：验证码错误', en: 'A login attempt from another client failed: wrong code' },
    });
  });

  it('keeps the USCC out of the data (it is the entry subject) and the token id out altogether', () => {
    expect(JSON.stringify(read('subject.logged-out').data)).toBe('{}');
    expect(read('subject.logged-in').data).not.toHaveProperty('uscc');
    expect(read('subject.login-failed').data).not.toHaveProperty('uscc');
  });

  it('institution.registered is a platform-wide entry naming the institution (no activity item)', () => {
    expect(read('institution.registered')).toEqual({
      data: { institutionId: 'L0001', name: '示例银行股份有限公司', roles: ['USER'] },
      kind: undefined,
      summary: { 'zh-CN': '机构登记：示例银行股份有限公司（L0001）', en: 'Institution registered: 示例银行股份有限公司 (L0001)' },
    });
  });
});
