import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary } from 'preact-iso/lazy';
import { ApiError, isNotAvailable } from '../../api/http';
import { PRODUCTS, type Product } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatFen, formatMonth, formatTime } from '../../format/format';
import { useAccountName } from '../../ui/labels';
import { Page } from '../../ui/page';
import { ErrorBox, Loading, NotAvailable } from '../../ui/remote';
import { CoverageCard } from './CoverageCard';
import { IndicatorGroups } from './IndicatorGroups';
import { readReport, type ReportView } from './report.reader';

type State = { state: 'idle' } | { state: 'loading'; product: Product } | { state: 'ok'; product: Product; raw: unknown } | { state: 'missing' } | { state: 'error'; error: unknown };

export function ReportPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [state, setState] = useState<State>({ state: 'idle' });
  const query = async (product: Product) => {
    setState({ state: 'loading', product });
    try {
      setState({ state: 'ok', product, raw: await api.selfQuery(product) });
    } catch (error) {
      setState(isNotAvailable(error) ? { state: 'missing' } : { state: 'error', error });
    }
  };
  const report = state.state === 'ok' ? readReport(state.raw, language) : undefined;
  return (
    <Page title={t('report.title')} intro={t('report.intro')} wide>
      <div class="actions no-print">
        {PRODUCTS.map((p) => (
          <button key={p} type="button" class={state.state === 'ok' && state.product === p ? 'primary' : undefined} disabled={state.state === 'loading'} onClick={() => void query(p)}>
            {t(`report.query.${p}`)}
          </button>
        ))}
        {report && (
          <button type="button" onClick={() => print()}>
            {t('report.print')}
          </button>
        )}
      </div>
      {state.state === 'idle' && <p>{t('report.empty')}</p>}
      {state.state === 'loading' && <Loading />}
      {state.state === 'missing' && <NotAvailable />}
      {state.state === 'error' && (
        <ErrorBox error={state.error} message={state.error instanceof ApiError && state.error.code === 'NO_ACTIVE_BINDINGS' ? t('report.error.NO_ACTIVE_BINDINGS') : undefined} retry={() => void query(PRODUCTS[0])} />
      )}
      {state.state === 'ok' && report && <Report product={state.product} report={report} raw={state.raw} />}
    </Page>
  );
}

function Report({ product, report, raw }: { product: Product; report: ReportView; raw: unknown }) {
  const { t, language } = useI18n();
  const accountName = useAccountName();
  const account = (id?: string) => {
    const a = report.accounts.find((x) => x.id === id);
    return a ? accountName({ provider: a.provider, accountType: a.type, accountNumber: a.number }) : (id ?? '');
  };
  return (
    <div class="report" data-report={product}>
      <h2>{t(`product.${product}`)}</h2>
      <p class="muted">
        {[
          report.reportId && t('report.meta.id', { id: report.reportId }),
          report.generatedAt && t('report.meta.generatedAt', { time: formatTime(report.generatedAt, language) }),
          report.period && t('report.meta.period', { from: formatMonth(report.period.from, language), to: formatMonth(report.period.to, language) }),
          report.catalogueVersion && t('report.meta.catalogue', { version: report.catalogueVersion }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {report.accounts.length > 0 && (
        <section class="card">
          <h3>{t('report.accounts')}</h3>
          <ul class="plain">
            {report.accounts.map((a) => (
              <li key={a.id}>{account(a.id)}</li>
            ))}
          </ul>
        </section>
      )}
      <section class="card declarations" aria-labelledby="report-declarations">
        <h3 id="report-declarations">{t('report.declarations')}</h3>
        {report.declarations.length === 0 ? (
          <p>{t('report.declarations.none')}</p>
        ) : (
          <ul>
            {report.declarations.map((d, i) => (
              <li key={i}>
                <span class="muted">
                  {d.period && d.bindingId
                    ? t('report.declaration.scope.month', { account: account(d.bindingId), month: formatMonth(d.period, language) })
                    : d.bindingId
                      ? t('report.declaration.scope.account', { account: account(d.bindingId) })
                      : t('report.declaration.scope.all')}
                  :
                </span>{' '}
                {d.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="report-chart">
        <h3 id="report-chart">{t('report.chart.title')}</h3>
        {report.months.length === 0 ? (
          <p>{t('report.chart.none')}</p>
        ) : (
          <ChartOrFallback months={report.months} />
        )}
      </section>
      <IndicatorGroups groups={report.groups} />
      <MonthTable report={report} />
      <CoverageCard coverage={report.coverage} account={account} />
      <details class="card no-print">
        <summary>{t('report.raw')}</summary>
        <pre class="raw">{JSON.stringify(raw, null, 2)}</pre>
      </details>
    </div>
  );
}

type Chart = FunctionComponent<{ months: ReportView['months'] }>;

/** The chart code (ECharts) is fetched only when a report is shown, so it stays out of the initial bundle. */
function ChartOrFallback({ months }: { months: ReportView['months'] }) {
  const { t } = useI18n();
  const [chart, setChart] = useState<{ component?: Chart; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    import('./ReportChart').then(
      (m) => live && setChart({ component: m.default }),
      () => live && setChart({ failed: true }),
    );
    return () => void (live = false);
  }, []);
  if (chart.failed) return <p class="notice notice--error">{t('report.chart.failed')}</p>;
  if (!chart.component) return <p class="loading">{t('report.chart.loading')}</p>;
  const ReportChart = chart.component;
  return (
    <ErrorBoundary onError={() => setChart({ failed: true })}>
      <ReportChart months={months} />
    </ErrorBoundary>
  );
}

function MonthTable({ report }: { report: ReportView }) {
  const { t, language } = useI18n();
  if (report.months.length === 0) return null;
  const fen = (v?: number) => (v === undefined ? '—' : formatFen(v, language));
  return (
    <section class="card" aria-labelledby="report-months">
      <h3 id="report-months">{t('report.months')}</h3>
      {report.months.some((m) => m.disputed) && <p class="muted">{t('report.disputed.legend')}</p>}
      <div class="table-wrap">
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">{t('report.col.month')}</th>
              <th scope="col">{t('report.col.inflow')}</th>
              <th scope="col">{t('report.col.outflow')}</th>
              <th scope="col">{t('report.col.net')}</th>
              <th scope="col">{t('report.col.balance')}</th>
              <th scope="col">{t('report.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {report.months.map((m) => (
              <tr key={m.period} class={m.disputed ? 'disputed' : undefined} data-period={m.period}>
                <th scope="row">{formatMonth(m.period, language)}</th>
                <td>{fen(m.inflow)}</td>
                <td>{fen(m.outflow)}</td>
                <td>{m.inflow !== undefined && m.outflow !== undefined ? fen(m.inflow - m.outflow) : '—'}</td>
                <td>{fen(m.balanceEnd)}</td>
                <td>
                  {m.disputed && <span class="tag tag--disputed">{t('report.disputed')}</span>}
                  {m.declared && <span class="tag tag--declared">{t('report.declared')}</span>}
                  {m.corrected && <span class="tag tag--corrected">{t('report.corrected')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
