import { useI18n } from '../../app/i18n';
import { formatCount, formatFen, formatShare } from '../../format/format';
import type { Language } from '../../i18n/catalogue';
import { useLabel } from '../../ui/labels';
import type { Indicator, ReportView } from './report.reader';

/** An indicator's value in its unit: fen as 元, shares as %, counts with separators, else as given. */
export function indicatorValue(i: Indicator, language: Language, unitLabel: (unit: string) => string): string | undefined {
  if (i.value === null) return undefined;
  const unit = (i.unit ?? '').toUpperCase();
  if (unit === 'FEN' || unit === 'CNY_FEN') return Number.isSafeInteger(i.value) ? formatFen(i.value, language) : String(i.value);
  if (unit === 'RATIO' || unit === 'SHARE' || unit === 'PERCENT') return formatShare(unit === 'PERCENT' ? i.value / 100 : i.value, language);
  const figure = Number.isInteger(i.value) ? formatCount(i.value, language) : i.value.toFixed(2);
  return unit ? `${figure} ${unitLabel(unit)}` : figure;
}

/**
 * The indicator groups. Each name carries its definition: a native tooltip on hover and, for touch and
 * keyboards, a <details> that opens on tap or Enter.
 */
export function IndicatorGroups({ groups }: { groups: ReportView['groups'] }) {
  const { t, language } = useI18n();
  const label = useLabel();
  return (
    <>
      {groups.map(({ group, indicators }) => (
        <section key={group} class="card indicator-group" aria-labelledby={`group-${group}`}>
          <h3 id={`group-${group}`}>{t(`report.group.${group}`)}</h3>
          <dl class="indicators">
            {indicators.map((i) => {
              const value = indicatorValue(i, language, (u) => label('report.unit', u));
              return (
                <div key={i.id} class="indicator" data-indicator={i.id}>
                  <dt>
                    {i.definition ? (
                      <details class="definition">
                        <summary title={i.definition}>{i.name}</summary>
                        <p>{i.definition}</p>
                      </details>
                    ) : (
                      i.name
                    )}
                  </dt>
                  <dd class={value === undefined ? 'unavailable' : undefined}>
                    {value ?? t('report.indicator.unavailable')}
                    {value === undefined && i.reason && <span class="muted"> ({i.reason})</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}
