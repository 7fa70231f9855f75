import { maskAccountNumber, type ObjectionOverdueData, type ObjectionRaisedData, type ObjectionResolvedData } from '@cfc/contracts';
import { audited, text } from './audited-type';
import { institution, institutionEn } from './wording';

// Ingestion's objections (异议): raised by the enterprise, answered by the provider, or overdue. The
// account travels masked; the enterprise's reason and the provider's note stay in ingestion (the
// enterprise reads them there), the entry records who did what to which month and when it was due.

const common = (d: { objectionId: string; bindingId: string; provider: string; period: string; dueBy: string }) => ({
  objectionId: d.objectionId,
  bindingId: d.bindingId,
  provider: d.provider,
  period: d.period,
  dueBy: d.dueBy,
});

export const objectionAudited = {
  'objection.raised': audited<ObjectionRaisedData>()({
    kind: 'OBJECTION',
    data: (d) => ({ ...common(d), account: { number: maskAccountNumber(d.account.number), type: d.account.type }, fields: d.fields, disputedRevision: d.disputedRevision, status: d.status }),
    summary: (d, n) => text(`对${institution(d.provider, n)}报送的 ${d.period} 数据提出异议`, `Objected to the ${d.period} figures from ${institutionEn(d.provider, n)}`),
  }),
  'objection.resolved': audited<ObjectionResolvedData>()({
    kind: 'OBJECTION',
    data: (d) => ({ ...common(d), status: d.status, disputedRevision: d.disputedRevision, ...(d.correctedRevision !== undefined ? { correctedRevision: d.correctedRevision } : {}), late: d.late }),
    summary: (d, n) =>
      d.status === 'CORRECTED'
        ? text(`${institution(d.provider, n)}更正了 ${d.period} 的数据（第 ${d.correctedRevision} 版）`, `${institutionEn(d.provider, n)} corrected the ${d.period} figures (revision ${d.correctedRevision})`)
        : text(`${institution(d.provider, n)}核实后维持 ${d.period} 的数据`, `${institutionEn(d.provider, n)} upheld the ${d.period} figures`),
  }),
  'objection.overdue': audited<ObjectionOverdueData>()({
    kind: 'OBJECTION',
    data: (d) => ({ ...common(d), status: d.status }),
    summary: (d, n) => text(`${institution(d.provider, n)}未在期限内答复 ${d.period} 的异议`, `${institutionEn(d.provider, n)} did not answer the ${d.period} objection by its due date`),
  }),
};
