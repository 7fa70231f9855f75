import type {
  AuthorizationExpiredData,
  AuthorizationExtendedData,
  AuthorizationGrantedData,
  AuthorizationPausedData,
  AuthorizationRejectedData,
  AuthorizationRequestedData,
  AuthorizationResumedData,
  AuthorizationRevokedData,
} from '@cfc/contracts';
import { audited, text, type InstitutionNames } from './audited-type';
import { institution, institutionEn, productsEn, productsZh, PURPOSE_WORDS, shanghaiDay } from './wording';

// Consent's events (authorisations are asked by a lender, decided by the enterprise). Accounts are binding
// ids. authorization.used is left out of the audit on purpose (see audited-types.ts).

type Ref = { authorizationId: string; lender: string };
const ref = (d: Ref): Ref => ({ authorizationId: d.authorizationId, lender: d.lender });
const lender = (d: Ref, n: InstitutionNames) => [institution(d.lender, n), institutionEn(d.lender, n)] as const;

export const consentAudited = {
  'authorization.requested': audited<AuthorizationRequestedData>()({
    kind: 'AUTHORIZATION',
    data: (d) => ({
      ...ref(d), purpose: d.purpose, products: d.products, months: d.months, validDays: d.validDays,
      ...(d.accounts ? { accounts: d.accounts } : {}), queryLimit: d.queryLimit, answerBy: d.answerBy,
    }),
    summary: (d, n) => {
      const [zh, en] = lender(d, n);
      const [purposeZh, purposeEn] = PURPOSE_WORDS[d.purpose];
      return text(
        `${zh}申请查询授权：用途${purposeZh}，${productsZh(d.products)}，${d.months} 个月数据，有效 ${d.validDays} 天`,
        `${en} asked for an authorisation: ${purposeEn}, ${productsEn(d.products)}, ${d.months} months of data, valid ${d.validDays} days`,
      );
    },
  }),
  'authorization.granted': audited<AuthorizationGrantedData>()({
    kind: 'AUTHORIZATION',
    data: (d) => ({ ...ref(d), accounts: d.accounts, products: d.products, months: d.months, validUntil: d.validUntil, queryLimit: d.queryLimit }),
    summary: (d, n) => {
      const [zh, en] = lender(d, n);
      return text(
        `授权${zh}查询${productsZh(d.products)}：${d.accounts.length} 个账户，${d.months} 个月，有效至 ${shanghaiDay(d.validUntil)}`,
        `Authorised ${en} to query the ${productsEn(d.products)}: ${d.accounts.length} account(s), ${d.months} months, valid until ${shanghaiDay(d.validUntil)}`,
      );
    },
  }),
  'authorization.rejected': audited<AuthorizationRejectedData>()({
    kind: 'AUTHORIZATION',
    data: ref,
    summary: (d, n) => text(`拒绝${lender(d, n)[0]}的查询授权申请`, `Refused the authorisation ${lender(d, n)[1]} asked for`),
  }),
  'authorization.revoked': audited<AuthorizationRevokedData>()({
    kind: 'AUTHORIZATION',
    data: ref,
    summary: (d, n) => text(`撤销对${lender(d, n)[0]}的查询授权`, `Revoked the authorisation of ${lender(d, n)[1]}`),
  }),
  'authorization.extended': audited<AuthorizationExtendedData>()({
    kind: 'AUTHORIZATION',
    data: (d) => ({ ...ref(d), addedAccounts: d.addedAccounts, validUntil: d.validUntil }),
    summary: (d, n) => {
      const [zh, en] = lender(d, n);
      const day = shanghaiDay(d.validUntil);
      return d.addedAccounts.length > 0
        ? text(`扩展对${zh}的查询授权：新增 ${d.addedAccounts.length} 个账户，有效至 ${day}`, `Extended the authorisation of ${en}: ${d.addedAccounts.length} more account(s), valid until ${day}`)
        : text(`延长对${zh}的查询授权至 ${day}`, `Extended the authorisation of ${en} until ${day}`);
    },
  }),
  'authorization.paused': audited<AuthorizationPausedData>()({
    kind: 'AUTHORIZATION',
    data: ref,
    summary: (d, n) => text(`暂停对${lender(d, n)[0]}的查询授权`, `Paused the authorisation of ${lender(d, n)[1]}`),
  }),
  'authorization.resumed': audited<AuthorizationResumedData>()({
    kind: 'AUTHORIZATION',
    data: ref,
    summary: (d, n) => text(`恢复对${lender(d, n)[0]}的查询授权`, `Resumed the authorisation of ${lender(d, n)[1]}`),
  }),
  'authorization.expired': audited<AuthorizationExpiredData>()({
    kind: 'AUTHORIZATION',
    data: (d) => ({ ...ref(d), phase: d.phase }),
    summary: (d, n) =>
      d.phase === 'REQUEST'
        ? text(`${lender(d, n)[0]}的授权申请 7 日内未获答复，已失效`, `The authorisation ${lender(d, n)[1]} asked for expired unanswered`)
        : text(`对${lender(d, n)[0]}的查询授权已到期`, `The authorisation of ${lender(d, n)[1]} expired`),
  }),
};
