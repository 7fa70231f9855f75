import { randomUUID } from 'node:crypto';
import { maskAccountNumber, type Product, type QueryPerformedData, type Uscc } from '@cfc/contracts';
import type { PostgresEventStore } from '@cfc/eventing';
import { ProblemException, type Clock } from '@cfc/platform';
import { CATALOGUE_VERSION } from '../domain/catalogue/catalogue';
import { addMonths, lastCompleteMonth } from '../domain/period/period';
import { buildReport, REPORT_SCHEMA_VERSION, type ReportAccount, type ReportQuery } from '../domain/report/report-document';
import type { AccountStatistics } from '../domain/statistics/month-statistics';
import { reportWindow, type ReportWindow } from '../domain/statistics/scope';
import type { BindingDirectory } from '../ports/binding-directory.port';
import type { ConsentCheck } from '../ports/consent-check.port';
import type { LoadedAccounts, ReportDataLoader } from '../read-model/report-data.loader';
import type { SubjectNotes } from '../read-model/subject-notes.loader';
import type { QueryMetrics } from './query.metrics';
import { inconsistentAnswer, noActiveBindings, refusalProblem } from './query.problems';
import { renderReport, type RenderedReport } from './report.renderer';

export interface QueryServiceDeps {
  consent: ConsentCheck;
  bindings: BindingDirectory;
  loader: ReportDataLoader;
  /** The enterprise's active declarations and the objections on the report's accounts. */
  notes: (subject: Uscc, bindingIds: readonly string[]) => Promise<SubjectNotes>;
  store: PostgresEventStore;
  clock: Clock;
  metrics: QueryMetrics;
  selfQueryMonths: number;
  newId?: () => string;
}

interface Production {
  product: Product;
  subject: Uscc;
  window: ReportWindow;
  accounts: ReportAccount[];
  loaded: LoadedAccounts;
  query: ReportQuery;
  correlationId: string;
}

/**
 * The two queries: a lender's under an authorisation (consent asked first, with consume: true) and an
 * enterprise's about itself (its ACTIVE bindings, asked of binding). Each answer is recorded as
 * query.performed, with the SHA-256 of the exact bytes served, before it is served.
 */
export class QueryService {
  private readonly newId: () => string;

  constructor(private readonly deps: QueryServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  async lenderQuery(lender: string, authorizationId: string, product: Product, correlationId: string): Promise<RenderedReport> {
    const { consent, metrics } = this.deps;
    const queryId = this.newId();
    const answer = await metrics.time('consent', () => consent.check(authorizationId, { lender, product, consume: true, queryId }, { kind: 'lender', id: lender }));
    if (!answer.allowed) {
      metrics.outcome('INSTITUTION', product, answer.reason);
      throw refusalProblem(answer.reason, answer.detail, answer.retryAfterSeconds);
    }
    if (answer.lender !== lender) throw inconsistentAnswer('lender');
    if (answer.product !== product) throw inconsistentAnswer('product');
    const loaded = await metrics.time('load', () => this.deps.loader.load(answer.accounts));
    const accounts = await this.describe(answer.accounts, answer.subject, loaded);
    const query: ReportQuery = { kind: 'INSTITUTION', institution: lender, authorizationId: answer.authorizationId, queryId };
    return this.produce({ product, subject: answer.subject, window: reportWindow(answer.period.from, answer.period.to), accounts, loaded, query, correlationId });
  }

  async selfQuery(subject: Uscc, product: Product, correlationId: string): Promise<RenderedReport> {
    const { bindings, metrics, clock, selfQueryMonths } = this.deps;
    const queryId = this.newId();
    const views = await metrics.time('bindings', () => bindings.activeBindings(subject, { kind: 'enterprise', id: subject }));
    const active = views.filter((v) => v.subject === subject && v.status === 'ACTIVE');
    if (active.length === 0) throw noActiveBindings();
    const to = lastCompleteMonth(clock.now());
    const accounts = active.map((v) => ({ bindingId: v.bindingId, provider: v.provider, accountType: v.account.type, accountNumber: maskAccountNumber(v.account.number) }));
    const loaded = await metrics.time('load', () => this.deps.loader.load(accounts.map((a) => a.bindingId)));
    return this.produce({ product, subject, window: reportWindow(addMonths(to, 1 - selfQueryMonths), to), accounts, loaded, query: { kind: 'SELF', queryId }, correlationId });
  }

  /** The authorised accounts as a report prints them: from the read model, else asked of binding (its events lag). */
  private async describe(ids: readonly string[], subject: Uscc, loaded: LoadedAccounts): Promise<ReportAccount[]> {
    const unknown = ids.filter((id) => !loaded.bindings.has(id));
    const views = unknown.length === 0 ? [] : await this.deps.metrics.time('bindings', () => this.deps.bindings.statusOf(unknown));
    const asked = new Map(views.map((v) => [v.bindingId, v]));
    return ids.map((id) => {
      const row = loaded.bindings.get(id);
      const view = asked.get(id);
      const described = row
        ? { subject: row.subject, account: { bindingId: id, provider: row.provider, accountType: row.accountType, accountNumber: row.accountNumber } }
        : view && { subject: view.subject, account: { bindingId: id, provider: view.provider, accountType: view.account.type, accountNumber: maskAccountNumber(view.account.number) } };
      if (!described) throw new ProblemException(502, 'ACCOUNT_UNKNOWN', 'Bad Gateway', 'an authorised account is unknown to the binding service');
      if (described.subject !== subject) throw inconsistentAnswer('enterprise');
      return described.account;
    });
  }

  private async produce(p: Production): Promise<RenderedReport> {
    const { metrics, store, clock } = this.deps;
    const generatedAt = clock.now();
    const statistics: AccountStatistics[] = p.accounts.map((a) => ({
      bindingId: a.bindingId,
      // Defence in depth: rows of another enterprise under this binding id are never printed.
      months: (p.loaded.statistics.get(a.bindingId) ?? []).filter((m) => m.subject === p.subject).map((m) => m.month),
    }));
    const notes = await metrics.time('notes', () => this.deps.notes(p.subject, p.accounts.map((a) => a.bindingId)));
    const rendered = await metrics.time('compute', () =>
      renderReport(
        buildReport({
          reportId: this.newId(), generatedAt, product: p.product, query: p.query, subject: p.subject, window: p.window, accounts: p.accounts, statistics,
          declarations: notes.declarations, objections: notes.objections,
        }),
      ),
    );
    const self = p.query.kind === 'SELF';
    const data: QueryPerformedData = {
      queryId: p.query.queryId,
      reportId: rendered.reportId,
      kind: p.query.kind,
      subject: p.subject,
      requester: self ? { kind: 'enterprise', id: p.subject } : { kind: 'institution', id: (p.query as { institution: string }).institution },
      ...(p.query.kind === 'INSTITUTION' ? { authorizationId: p.query.authorizationId } : {}),
      product: p.product,
      accounts: [...p.accounts].sort((a, b) => (a.bindingId < b.bindingId ? -1 : 1)),
      period: { from: p.window.from, to: p.window.to, months: p.window.periods.length },
      reportSha256: rendered.sha256,
      reportBytes: rendered.bytes.length,
      schemaVersion: REPORT_SCHEMA_VERSION,
      catalogueVersion: CATALOGUE_VERSION,
      performedAt: generatedAt.toISOString(),
    };
    // Recorded before it is served: a report nobody can find in the audit stream never leaves.
    await metrics.time('record', () =>
      store.append(`query-${p.query.queryId}`, 0, [{ type: 'query.performed', data }], { actor: { kind: self ? 'enterprise' : 'institution', id: data.requester.id }, subject: p.subject, correlationId: p.correlationId }),
    );
    metrics.outcome(p.query.kind, p.product, 'OK');
    return rendered;
  }
}
