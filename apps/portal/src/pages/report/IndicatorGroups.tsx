import { useI18n } from '../../app/i18n';
import { formatCount, formatFen, formatMonth, formatShare } from '../../format/format';
import { isMessageKey, type Language, type MessageKey, type Params } from '../../i18n/catalogue';
import type { Indicator, ReportView } from './report.reader';

type T = (key: MessageKey, params?: Params) => string;

/** An indicator's value in its unit: fen as 元, ratios as %, months as 2026年10月, others with their unit's words. */
export function indicatorValue(i: Indicator, language: Language, t: T): string | undefined {
  if (i.value === null) return undefined;
  if (typeof i.value === 'string') return formatMonth(i.value, language);
  const unit = (i.unit ?? '').toUpperCase();
  if (unit === 'FEN') return Number.isSafeInteger(i.value) ? formatFen(i.value, language) : String(i.value);
  if (unit === 'RATIO') return formatShare(i.value, language);
  const figure = Number.isInteger(i.value) ? formatCount(i.value, language) : formatCount(Math.round(i.value * 10) / 10, language);
  const key = `report.unit.${unit}`;
  return isMessageKey(key) ? t(key, { value: figure }) : figure;
}

/** Why an indicator has no value, in words (the service's reason code), else the service's own detail. */
function unavailable(i: Indicator, t: T): string | undefined {
  const key = `report.reason.${i.reason}`;
  return isMessageKey(key) ? t(key) : i.detail;
}

/**
 * The indicator groups. A name with a definition carries it twice: a native tooltip on hover and, for
 * touch and keyboards, a <details> that opens on tap or Enter.
 */
export function IndicatorGroups({ groups }: { groups: ReportView['groups'] }) {
  const { t, language } = useI18n();
  return (
    <>
      {groups.map(({ group, indicators }) => (
        <section key={group} class="card indicator-group" aria-labelledby={`group-${group}`}>
          <h3 id={`group-${group}`}>{t(`report.group.${group}`)}</h3>
          <dl class="indicators">
            {indicators.map((i) => {
              const value = indicatorValue(i, language, t);
              const why = value === undefined ? unavailable(i, t) : undefined;
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
                    {why && <span class="muted"> ({why})</span>}
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
