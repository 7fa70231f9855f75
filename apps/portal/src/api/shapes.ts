import type { Language } from '../i18n/catalogue';

// What the portal reads from the API (CONTRACT "Enterprises"), checked against the services' DTOs in
// libs/api (binding, consent, audit, identity, ingestion; shapes.spec.ts holds the readers to those
// DTOs' shapes). The readers still accept the obvious variants (a bare array or { items }, `id` or `bindingId`),
// so that a small change in shape does not blank a page.

export type AccountType = 'BASIC' | 'GENERAL' | 'PAYMENT';
export const ACCOUNT_TYPES: readonly AccountType[] = ['BASIC', 'GENERAL', 'PAYMENT'];
export type BindingStatus = 'PENDING_PROVIDER' | 'ACTIVE' | 'REJECTED' | 'ENDED' | 'EXPIRED';
export type AuthorizationStatus = 'PENDING' | 'ACTIVE' | 'PAUSED' | 'REJECTED' | 'REVOKED' | 'EXPIRED';
export type Product = 'CREDIT_REPORT' | 'DETAIL_SUMMARY';
export const PRODUCTS: readonly Product[] = ['CREDIT_REPORT', 'DETAIL_SUMMARY'];
export type ActivityKind = 'SELF_QUERY' | 'INSTITUTION_QUERY' | 'BINDING' | 'AUTHORIZATION' | 'MESSAGE' | 'DECLARATION' | 'OBJECTION';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['SELF_QUERY', 'INSTITUTION_QUERY', 'BINDING', 'AUTHORIZATION', 'MESSAGE', 'DECLARATION', 'OBJECTION'];
export type ObjectionStatus = 'SUBMITTED' | 'CORRECTED' | 'UPHELD' | 'OVERDUE';
export const STATISTIC_FIELDS = ['inflow', 'outflow', 'cash', 'counterparties', 'balance', 'features'] as const;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The list in a response: a bare array, or the first array under one of the keys (then `items`). */
export function listFrom(body: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(body)) return body;
  const o = obj(body);
  for (const key of [...keys, 'items']) if (Array.isArray(o[key])) return o[key] as unknown[];
  return [];
}

/** Text that may come in one language or as { 'zh-CN' | zh, en }. */
export function pickText(value: unknown, language: Language): string | undefined {
  if (typeof value === 'string') return value;
  const o = obj(value);
  const zh = str(o['zh-CN']) ?? str(o.zh);
  return language === 'en' ? (str(o.en) ?? zh) : (zh ?? str(o.en));
}

export interface Agreement {
  version: string;
  text: string;
  sha256: string;
}
export const readAgreement = (body: unknown): Agreement | undefined => {
  const o = obj(body);
  const version = str(o.version) ?? (num(o.version) !== undefined ? String(o.version) : undefined);
  const text = str(o.text);
  const sha256 = str(o.sha256) ?? str(o.hash);
  return version && text && sha256 ? { version, text, sha256 } : undefined;
};

export interface Binding {
  id: string;
  provider: string;
  accountNumber: string;
  accountType: string;
  status: BindingStatus | string;
  agreementVersion?: string;
  requestedAt?: string;
  reason?: string;
}
export const readBinding = (v: unknown): Binding => {
  const o = obj(v);
  const account = obj(o.account);
  const agreement = obj(o.agreement);
  return {
    id: str(o.id) ?? str(o.bindingId) ?? '',
    provider: str(o.provider) ?? '',
    accountNumber: str(o.accountNumber) ?? str(account.number) ?? '',
    accountType: str(o.accountType) ?? str(account.type) ?? '',
    status: str(o.status) ?? '',
    agreementVersion: str(o.agreementVersion) ?? str(agreement.version),
    requestedAt: str(o.requestedAt) ?? str(o.createdAt),
    reason: str(o.rejectionReason) ?? str(o.reason),
  };
};
export const readBindings = (body: unknown) => listFrom(body, 'bindings').map(readBinding).filter((b) => b.id);

export interface HistoryItem {
  what: string;
  at?: string;
  by?: string;
}
export interface Authorization {
  id: string;
  lender: string;
  purpose: string;
  products: string[];
  months?: number;
  validDays?: number;
  validUntil?: string;
  accounts: string[];
  queryLimit?: { count: number; perDays: number };
  status: AuthorizationStatus | string;
  requestedAt?: string;
  history: HistoryItem[];
}
export const readAuthorization = (v: unknown): Authorization => {
  const o = obj(v);
  // consent answers { request: {...asked}, scope?: {...granted} }: what was granted wins over what was asked.
  const scope = obj(o.scope);
  const request = obj(o.request);
  const pick = (k: string) => o[k] ?? scope[k] ?? request[k];
  const limit = obj(pick('queryLimit'));
  const lender = obj(o.lender);
  return {
    id: str(o.id) ?? str(o.authorizationId) ?? '',
    lender: str(o.lenderName) ?? str(lender.name) ?? str(o.lender) ?? str(lender.institutionId) ?? '',
    purpose: str(pick('purpose')) ?? '',
    products: strings(pick('products')),
    months: num(pick('months')),
    validDays: num(pick('validDays')),
    validUntil: str(pick('validUntil')) ?? str(o.expiresAt),
    accounts: strings(pick('accounts')),
    queryLimit: num(limit.count) !== undefined && num(limit.perDays) !== undefined ? { count: limit.count as number, perDays: limit.perDays as number } : undefined,
    status: str(o.status) ?? '',
    requestedAt: str(pick('requestedAt')) ?? str(o.createdAt),
    history: listFrom(o.history).map((h) => {
      const x = obj(h);
      return { what: str(x.type) ?? str(x.action) ?? str(x.event) ?? '', at: str(x.at), by: str(obj(x.actor).id) ?? str(x.actor) };
    }),
  };
};
export const readAuthorizations = (body: unknown) => listFrom(body, 'authorizations').map(readAuthorization).filter((a) => a.id);

export interface ActivityItem {
  seq: number;
  at: string;
  kind: string;
  type: string;
  actor: string;
  summary?: unknown;
  entry?: unknown;
}
export const readActivity = (body: unknown): ActivityItem[] =>
  listFrom(body, 'activity', 'entries').flatMap((v) => {
    const o = obj(v);
    const seq = num(o.seq);
    if (seq === undefined) return [];
    const actor = obj(o.actor);
    return [{ seq, at: str(o.at) ?? '', kind: str(o.kind) ?? '', type: str(o.type) ?? '', actor: str(actor.name) ?? str(actor.id) ?? str(o.actor) ?? '', summary: o.summary, entry: o.entry }];
  });

export interface Message {
  id: string;
  text: string;
  at: string;
  reply?: { text: string; at?: string };
}
export const readMessages = (body: unknown): Message[] =>
  listFrom(body, 'messages').map((v) => {
    const o = obj(v);
    const reply = o.reply ? obj(o.reply) : undefined;
    return { id: str(o.id) ?? '', text: str(o.text) ?? '', at: str(o.at) ?? '', reply: reply && str(reply.text) ? { text: reply.text as string, at: str(reply.at) } : undefined };
  });

export interface Declaration {
  id: string;
  text: string;
  at: string;
  bindingId?: string;
  period?: string;
  status: string;
}
export const readDeclarations = (body: unknown): Declaration[] =>
  listFrom(body, 'declarations').map((v) => {
    const o = obj(v);
    const withdrawn = o.withdrawn === true || typeof o.withdrawnAt === 'string';
    return { id: str(o.id) ?? '', text: str(o.text) ?? '', at: str(o.at) ?? '', bindingId: str(o.bindingId), period: str(o.period), status: str(o.status) ?? (withdrawn ? 'WITHDRAWN' : 'ACTIVE') };
  });

export interface Objection {
  id: string;
  bindingId: string;
  period: string;
  fields: string[];
  reason: string;
  status: ObjectionStatus | string;
  dueBy?: string;
  at?: string;
  /** The provider's answer: the latest step's note (UPHELD, and CORRECTED when given). */
  note?: string;
  /** The masked account the objection is on (ingestion names it, so an ended binding still reads). */
  account?: Pick<Binding, 'provider' | 'accountType' | 'accountNumber'>;
}
export const readObjections = (body: unknown): Objection[] =>
  listFrom(body, 'objections').map((v) => {
    const o = obj(v);
    const resolution = obj(o.resolution);
    const account = obj(o.account);
    const steps = listFrom(o.history).map(obj);
    const answered = [...steps].reverse().find((step) => str(step.note));
    return {
      id: str(o.id) ?? str(o.objectionId) ?? '',
      bindingId: str(o.bindingId) ?? '',
      period: str(o.period) ?? '',
      fields: strings(o.fields),
      reason: str(o.reason) ?? '',
      status: str(o.status) ?? '',
      dueBy: str(o.dueBy),
      at: str(o.at) ?? str(o.raisedAt),
      note: str(o.note) ?? str(resolution.note) ?? str(answered?.note),
      account: str(account.number) ? { provider: str(o.provider) ?? '', accountType: str(account.type) ?? '', accountNumber: account.number as string } : undefined,
    };
  });
export const isOpenObjection = (o: Objection) => o.status === 'SUBMITTED' || o.status === 'OVERDUE';

export interface GuideSection {
  id: string;
  title: string;
  paragraphs: string[];
}
export interface Guide {
  sections: GuideSection[];
  faq: GuideSection[];
}
/** GET /v1/guide in a language: sections with a title and text, and FAQ entries; undefined when it has neither. */
export function readGuide(body: unknown, language: Language): Guide | undefined {
  const paragraphs = (raw: unknown) => {
    const text = Array.isArray(raw) ? raw.map((p) => pickText(p, language) ?? '').join('\n') : pickText(raw, language);
    return text ? text.split(/\n+/).filter(Boolean) : [];
  };
  const sections = listFrom(body, 'sections').flatMap((v, i) => {
    const o = obj(v);
    const title = pickText(o.title, language);
    const text = paragraphs(o.body ?? o.text ?? o.content);
    return title && text.length > 0 ? [{ id: str(o.id) ?? `section-${i}`, title, paragraphs: text }] : [];
  });
  const faq = listFrom(obj(body).faq).flatMap((v, i) => {
    const o = obj(v);
    const q = pickText(o.question ?? o.q, language);
    const a = paragraphs(o.answer ?? o.a);
    return q && a.length > 0 ? [{ id: str(o.id) ?? `faq-${i}`, title: q, paragraphs: a }] : [];
  });
  return sections.length + faq.length > 0 ? { sections, faq } : undefined;
}
