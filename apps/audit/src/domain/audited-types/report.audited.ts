import { maskAccountNumber, type QueryPerformedData } from '@cfc/contracts';
import { audited, text } from './audited-type';
import { institution, institutionEn, PRODUCT_WORDS } from './wording';

// The report service's query.performed: what was disclosed, to whom, under which authorisation, and the
// SHA-256 of the exact report bytes. Account numbers arrive masked; masking again is a no-op that keeps
// a full number out of the log should one ever slip through.

export const reportAudited = {
  'query.performed': audited<QueryPerformedData>()({
    data: (d) => ({
      queryId: d.queryId,
      reportId: d.reportId,
      kind: d.kind,
      requester: { kind: d.requester.kind, id: d.requester.id },
      ...(d.authorizationId !== undefined ? { authorizationId: d.authorizationId } : {}),
      product: d.product,
      accounts: d.accounts.map((a) => ({ bindingId: a.bindingId, provider: a.provider, accountType: a.accountType, accountNumber: maskAccountNumber(a.accountNumber) })),
      period: { from: d.period.from, to: d.period.to, months: d.period.months },
      reportSha256: d.reportSha256,
      reportBytes: d.reportBytes,
    }),
    // After `data`, so that TypeScript reads the entry's shape from it.
    kind: (d) => (d.kind === 'SELF' ? 'SELF_QUERY' : 'INSTITUTION_QUERY'),
    summary: (d, n) => {
      const [productZh, productEn] = PRODUCT_WORDS[d.product];
      const scopeZh = `${d.accounts.length} 个账户，${d.period.from} 至 ${d.period.to}`;
      const scopeEn = `${d.accounts.length} account(s), ${d.period.from} to ${d.period.to}`;
      return d.kind === 'SELF'
        ? text(`本企业查询了自己的${productZh}（${scopeZh}）`, `Queried its own ${productEn} (${scopeEn})`)
        : text(`${institution(d.requester.id, n)}依授权查询了${productZh}（${scopeZh}）`, `${institutionEn(d.requester.id, n)} queried the ${productEn} under its authorisation (${scopeEn})`);
    },
  }),
};
