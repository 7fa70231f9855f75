import { maskAccountNumber, type BindingConfirmedData, type BindingEndedData, type BindingExpiredData, type BindingRejectedData, type BindingRequestedData, type FundAccount } from '@cfc/contracts';
import { audited, text } from './audited-type';
import { ACCOUNT_TYPE_WORDS, institution, institutionEn } from './wording';

// Binding's events: the account travels masked (maskAccountNumber), as everywhere but at its provider.

const account = (a: FundAccount) => ({ number: maskAccountNumber(a.number), type: a.type });
const common = (d: { bindingId: string; provider: string; account: FundAccount }) => ({ bindingId: d.bindingId, provider: d.provider, account: account(d.account) });
type Common = ReturnType<typeof common>;
const accountZh = (d: Common) => `${ACCOUNT_TYPE_WORDS[d.account.type][0]} ${d.account.number}`;
const accountEn = (d: Common) => `${ACCOUNT_TYPE_WORDS[d.account.type][1]} ${d.account.number}`;

export const bindingAudited = {
  'binding.requested': audited<BindingRequestedData>()({
    kind: 'BINDING',
    data: (d) => ({ ...common(d), agreement: { version: d.agreement.version, sha256: d.agreement.sha256, acceptedAt: d.agreement.acceptedAt } }),
    summary: (d, n) =>
      text(
        `申请绑定${institution(d.provider, n)}的${accountZh(d)}，签署委托协议 ${d.agreement.version} 版`,
        `Asked to bind ${accountEn(d)} at ${institutionEn(d.provider, n)}, entrustment agreement ${d.agreement.version} accepted`,
      ),
  }),
  'binding.confirmed': audited<BindingConfirmedData>()({
    kind: 'BINDING',
    data: common,
    summary: (d, n) => text(`${institution(d.provider, n)}确认绑定${accountZh(d)}`, `${institutionEn(d.provider, n)} confirmed the binding of ${accountEn(d)}`),
  }),
  'binding.rejected': audited<BindingRejectedData>()({
    kind: 'BINDING',
    data: (d) => ({ ...common(d), reason: d.reason }),
    summary: (d, n) => text(`${institution(d.provider, n)}拒绝绑定${accountZh(d)}（${d.reason}）`, `${institutionEn(d.provider, n)} refused to bind ${accountEn(d)} (${d.reason})`),
  }),
  'binding.ended': audited<BindingEndedData>()({
    kind: 'BINDING',
    data: common,
    summary: (d, n) => text(`解除绑定${institution(d.provider, n)}的${accountZh(d)}`, `Unbound ${accountEn(d)} at ${institutionEn(d.provider, n)}`),
  }),
  'binding.expired': audited<BindingExpiredData>()({
    kind: 'BINDING',
    data: common,
    summary: (d, n) =>
      text(`${institution(d.provider, n)}未在 7 日内答复，${accountZh(d)}的绑定申请已失效`, `Binding request for ${accountEn(d)} expired: ${institutionEn(d.provider, n)} did not answer within 7 days`),
  }),
};
