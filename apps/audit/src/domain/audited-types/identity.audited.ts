import {
  challengeRefOf,
  type DataAccountOpenedData,
  type InstitutionRegisteredData,
  type LoginChallengeLockedData,
  type LoginFailureReason,
  type SubjectLoggedInData,
  type SubjectLoggedOutData,
  type SubjectLoginFailedData,
} from '@cfc/contracts';
import { audited, text } from './audited-type';

// Identity's audited events (IDENTITY_AUDITED_EVENT_TYPES) and institution.registered, a platform-wide
// entry that lets the activity record name institutions from the stream alone. Token ids, codes and
// personal data stay out; the challenge reference (a hash of the challenge id, never the id itself: a
// capability) links a login's steps. Version 1 events carried the id in clear: hashed here alike.

/** The challenge reference of a login event at version 2, or of a version-1 event's challenge id. */
const challengeRef = (d: { challengeRef: string } | { challengeId: string }) => ({
  challengeRef: 'challengeRef' in d ? d.challengeRef : challengeRefOf(d.challengeId),
});
type OrV1<T extends { challengeRef: string }> = T | (Omit<T, 'challengeRef'> & { challengeId: string });

const FAILURE_WORDS: Record<LoginFailureReason, [string, string]> = {
  IDENTITY_MISMATCH: ['法定代表人身份信息不符', 'legal representative details did not match'],
  WRONG_CODE: ['验证码错误', 'wrong code'],
  EXPIRED: ['验证码已过期', 'code expired'],
  ALREADY_USED: ['验证码已使用', 'code already used'],
  LOCKED: ['本次登录已锁定', 'login locked'],
};

export const identityAudited = {
  'subject.logged-in': audited<OrV1<SubjectLoggedInData>>()({
    versions: [1, 2],
    kind: 'LOGIN',
    data: challengeRef,
    summary: () => text('登录数据账户', 'Logged in to the data account'),
  }),
  'subject.login-failed': audited<OrV1<SubjectLoginFailedData>>()({
    versions: [1, 2],
    kind: 'LOGIN',
    // Whether the attempt came from the client that asked for the code (the owner's own browser, as a rule) or
    // from another one: the record's warning of someone else trying. Version 1 counted only the requester's.
    data: (d) => ({
      ...challengeRef(d),
      reason: d.reason,
      fromRequestingClient: d.fromRequestingClient ?? true,
      failedAttempts: d.failedAttempts,
      otherClientFailedAttempts: d.otherClientFailedAttempts ?? 0,
    }),
    summary: (d) =>
      d.fromRequestingClient === false
        ? text(`来自其他客户端的登录尝试失败：${FAILURE_WORDS[d.reason][0]}`, `A login attempt from another client failed: ${FAILURE_WORDS[d.reason][1]}`)
        : text(`登录失败：${FAILURE_WORDS[d.reason][0]}`, `Login failed: ${FAILURE_WORDS[d.reason][1]}`),
  }),
  'login-challenge.locked': audited<OrV1<LoginChallengeLockedData>>()({
    versions: [1, 2],
    kind: 'LOGIN',
    data: challengeRef,
    summary: () => text('多次输入错误验证码，本次登录已锁定', 'Login locked after repeated wrong codes'),
  }),
  'subject.logged-out': audited<SubjectLoggedOutData>()({
    kind: 'LOGIN',
    data: () => ({}),
    summary: () => text('退出登录', 'Logged out'),
  }),
  'data-account.opened': audited<OrV1<DataAccountOpenedData>>()({
    versions: [1, 2],
    kind: 'LOGIN',
    data: challengeRef,
    summary: () => text('首次登录，开立数据账户', 'Data account opened at the first login'),
  }),
  'institution.registered': audited<InstitutionRegisteredData>()({
    kind: undefined,
    data: (d) => ({ institutionId: d.institutionId, name: d.name, roles: d.roles }),
    summary: (d) => text(`机构登记：${d.name}（${d.institutionId}）`, `Institution registered: ${d.name} (${d.institutionId})`),
  }),
};
