import { useI18n } from '../../app/i18n';
import { formatMonth, formatMonths } from '../../format/format';
import type { Coverage } from './report.reader';

/**
 * The report window's coverage: months with data, the latest month and the missing ones, then, when the report
 * covers several accounts, the same account by account, so that the owner sees which account a gap is in (and so
 * which bank to ask or which month to declare).
 */
export function CoverageCard({ coverage, account }: { coverage: Coverage; account: (bindingId: string) => string }) {
  const { t, language } = useI18n();
  const months = (list: string[]) => formatMonths(list, language);
  return (
    <section class="card" aria-labelledby="report-coverage">
      <h3 id="report-coverage">{t('report.coverage')}</h3>
      <p>
        {[coverage.months !== undefined && t('report.coverage.months', { count: coverage.months }), coverage.latest && t('report.coverage.latest', { month: formatMonth(coverage.latest, language) })].filter(Boolean).join(' · ')}
      </p>
      <p>
        {coverage.gaps.length === 0
          ? t('report.coverage.noGaps')
          : t(coverage.accounts.length > 1 ? 'report.coverage.gapsAnyAccount' : 'report.coverage.gaps', { months: months(coverage.gaps) })}
      </p>
      {coverage.accounts.length > 1 && (
        <div class="table-wrap">
          <table class="coverage">
            <caption>{t('report.coverage.byAccount')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.account')}</th>
                <th scope="col">{t('report.col.monthsWithData')}</th>
                <th scope="col">{t('report.col.latest')}</th>
                <th scope="col">{t('report.col.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.accounts.map((a) => (
                <tr key={a.bindingId} data-binding={a.bindingId}>
                  <th scope="row">{account(a.bindingId)}</th>
                  <td>{a.months ?? '—'}</td>
                  <td>{a.latest ? formatMonth(a.latest, language) : '—'}</td>
                  <td>{a.gaps.length > 0 ? months(a.gaps) : t('report.coverage.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
