import type { Bilingual } from '../catalogue/indicator';
import type { AccountStatistics } from '../statistics/month-statistics';
import type { ReportWindow } from '../statistics/scope';

// What a report prints beside the figures: the enterprise's own declarations (本人声明) whose scope it
// touches, the months under an open objection (异议标注), and figures a provider corrected after an
// objection. Pure: the read models hand in what they hold; everything is filtered to the report's accounts
// and months and sorted by stable keys, so the same data always prints the same way.

export type DeclarationScope = 'REPORT' | 'ACCOUNT' | 'MONTH';
export type ObjectionStatus = 'SUBMITTED' | 'OVERDUE' | 'CORRECTED' | 'UPHELD';

/** An active declaration of the report's enterprise, as the read model keeps it. */
export interface DeclarationNote {
  declarationId: string;
  scope: DeclarationScope;
  bindingId?: string;
  period?: string;
  text: string;
  declaredAt: string;
}

/** An objection on one month of one binding, as the read model keeps it (times may be unknown yet). */
export interface ObjectionNote {
  objectionId: string;
  bindingId: string;
  period: string;
  status: ObjectionStatus;
  fields: string[];
  raisedAt: string | null;
  dueBy: string | null;
  resolvedAt: string | null;
  correctedRevision: number | null;
}

export type ReportDeclaration = DeclarationNote;
export interface ReportDispute {
  objectionId: string;
  bindingId: string;
  period: string;
  /** SUBMITTED: awaiting the provider; OVERDUE: unanswered past its 20 days. */
  status: 'SUBMITTED' | 'OVERDUE';
  /** The statistics disputed (empty: the whole record). */
  fields: string[];
  raisedAt: string | null;
  dueBy: string | null;
}
export interface ReportCorrection {
  objectionId: string;
  bindingId: string;
  period: string;
  /** The revision of the statistics that carries the corrected figures. */
  correctedRevision: number | null;
  resolvedAt: string | null;
  /** The revision of the figures this report prints for that month (null: none); below correctedRevision, the correction has not reached the report yet. */
  revisionShown: number | null;
}

export interface Section<Item> {
  title: Bilingual;
  items: Item[];
}

export const DECLARATIONS_TITLE: Bilingual = { zh: '本人声明', en: "Subject's declarations" };
export const DISPUTES_TITLE: Bilingual = { zh: '异议标注', en: 'Disputed months' };
export const CORRECTIONS_TITLE: Bilingual = { zh: '异议更正', en: 'Corrected figures' };

const sortKey = (...keys: Array<string | number | null | undefined>) => keys.map((k) => (k === null || k === undefined ? '' : String(k)));
function byKeys<T>(key: (item: T) => Array<string>): (a: T, b: T) => number {
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  };
}

/** The declarations whose scope the report touches: the whole report, an account it includes, a month of one it covers. */
export function declarationsSection(notes: readonly DeclarationNote[], bindingIds: ReadonlySet<string>, window: ReportWindow): Section<ReportDeclaration> {
  const months = new Set(window.periods);
  const touches = (d: DeclarationNote): boolean => {
    switch (d.scope) {
      case 'REPORT':
        return true;
      case 'ACCOUNT':
        return d.bindingId !== undefined && bindingIds.has(d.bindingId);
      case 'MONTH':
        return d.bindingId !== undefined && bindingIds.has(d.bindingId) && d.period !== undefined && months.has(d.period);
      default: {
        const unknown: never = d.scope;
        throw new Error(`unknown declaration scope ${String(unknown)}`);
      }
    }
  };
  const items = notes
    .filter(touches)
    .map((d): ReportDeclaration => ({ declarationId: d.declarationId, scope: d.scope, ...(d.bindingId === undefined ? {} : { bindingId: d.bindingId }), ...(d.period === undefined ? {} : { period: d.period }), text: d.text, declaredAt: d.declaredAt }))
    .sort(byKeys((d) => sortKey(d.declaredAt, d.declarationId)));
  return { title: DECLARATIONS_TITLE, items };
}

const inReport = (o: ObjectionNote, bindingIds: ReadonlySet<string>, months: ReadonlySet<string>) => bindingIds.has(o.bindingId) && months.has(o.period);

/** The months of the report under an open objection (SUBMITTED or OVERDUE). */
export function disputesSection(objections: readonly ObjectionNote[], bindingIds: ReadonlySet<string>, window: ReportWindow): Section<ReportDispute> {
  const months = new Set(window.periods);
  const items = objections
    .filter((o) => inReport(o, bindingIds, months) && (o.status === 'SUBMITTED' || o.status === 'OVERDUE'))
    .map((o): ReportDispute => ({ objectionId: o.objectionId, bindingId: o.bindingId, period: o.period, status: o.status as ReportDispute['status'], fields: [...o.fields].sort(), raisedAt: o.raisedAt, dueBy: o.dueBy }))
    .sort(byKeys((o) => sortKey(o.bindingId, o.period, o.raisedAt, o.objectionId)));
  return { title: DISPUTES_TITLE, items };
}

/** The months of the report whose figures a provider corrected after an objection, and the revision printed. */
export function correctionsSection(objections: readonly ObjectionNote[], bindingIds: ReadonlySet<string>, window: ReportWindow, statistics: readonly AccountStatistics[]): Section<ReportCorrection> {
  const months = new Set(window.periods);
  const revisions = new Map(statistics.flatMap((a) => a.months.map((m) => [`${a.bindingId}|${m.period}`, m.revision] as const)));
  const items = objections
    .filter((o) => inReport(o, bindingIds, months) && o.status === 'CORRECTED')
    .map((o): ReportCorrection => ({
      objectionId: o.objectionId, bindingId: o.bindingId, period: o.period, correctedRevision: o.correctedRevision, resolvedAt: o.resolvedAt,
      revisionShown: revisions.get(`${o.bindingId}|${o.period}`) ?? null,
    }))
    .sort(byKeys((o) => sortKey(o.bindingId, o.period, o.resolvedAt, o.objectionId)));
  return { title: CORRECTIONS_TITLE, items };
}

/** `bindingId|period` of each disputed and each corrected month, for the detail summary's month flags. */
export function monthMarks(disputes: Section<ReportDispute>, corrections: Section<ReportCorrection>): { disputed: Set<string>; corrected: Set<string> } {
  return { disputed: new Set(disputes.items.map((d) => `${d.bindingId}|${d.period}`)), corrected: new Set(corrections.items.map((c) => `${c.bindingId}|${c.period}`)) };
}
