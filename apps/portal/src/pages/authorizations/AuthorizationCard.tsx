import { useState } from 'preact/hooks';
import type { Authorization, Binding, HistoryItem } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatTime } from '../../format/format';
import { StatusTag, useAccountName, useLabel } from '../../ui/labels';

/** One authorisation in plain words: who, why, what, how far back, how long, how often, which accounts. */
export function AuthorizationSummary({ a, bindings }: { a: Authorization; bindings: Binding[] }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const accountName = useAccountName();
  const products = a.products.map((p) => label('product', p)).join(' / ');
  const accountOf = (id: string) => {
    const b = bindings.find((x) => x.id === id);
    return b ? accountName(b) : id;
  };
  return (
    <>
      <p class="plain-words">{t('authz.plain', { lender: a.lender, purpose: label('purpose', a.purpose), products })}</p>
      <dl class="facts">
        <dt>{t('authz.field.lender')}</dt>
        <dd>{a.lender}</dd>
        <dt>{t('authz.field.purpose')}</dt>
        <dd>{label('purpose', a.purpose)}</dd>
        <dt>{t('authz.field.products')}</dt>
        <dd>{products}</dd>
        {a.months !== undefined && (
          <>
            <dt>{t('authz.field.months')}</dt>
            <dd>{t('authz.field.months.value', { months: a.months })}</dd>
          </>
        )}
        <dt>{t('authz.field.validity')}</dt>
        <dd>{a.validUntil ? t('authz.field.validUntil', { time: formatTime(a.validUntil, language) }) : a.validDays !== undefined ? t('authz.field.validity.days', { days: a.validDays }) : '—'}</dd>
        <dt>{t('authz.field.cap')}</dt>
        <dd>{a.queryLimit ? t('authz.field.cap.value', { count: a.queryLimit.count, days: a.queryLimit.perDays }) : t('authz.field.cap.none')}</dd>
        <dt>{t('authz.field.accounts')}</dt>
        <dd>{a.accounts.length > 0 ? a.accounts.map(accountOf).join('; ') : t('authz.field.accounts.all')}</dd>
        {a.requestedAt && (
          <>
            <dt>{t('authz.field.requestedAt')}</dt>
            <dd>{formatTime(a.requestedAt, language)}</dd>
          </>
        )}
      </dl>
      <History a={a} />
    </>
  );
}

export function AuthorizationHeading({ a }: { a: Authorization }) {
  const label = useLabel();
  return (
    <h3>
      {a.lender} · {label('purpose', a.purpose)} <StatusTag prefix="authz.status" status={a.status} />
    </h3>
  );
}

/** The history of changes; lists carry none, so it is fetched (GET …/authorizations/{id}) when first opened. */
function History({ a }: { a: Authorization }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const label = useLabel();
  const [history, setHistory] = useState<HistoryItem[] | undefined>(a.history.length > 0 ? a.history : undefined);
  const [failed, setFailed] = useState(false);
  const load = (open: boolean) => {
    if (!open || history) return;
    api.authorization(a.id).then(
      (full) => setHistory(full.history),
      () => setFailed(true),
    );
  };
  return (
    <details class="history" onToggle={(e) => load(e.currentTarget.open)}>
      <summary>{t('authz.history')}</summary>
      {failed && <p class="notice notice--error">{t('common.error.server')}</p>}
      {!failed && !history && <p class="loading">{t('common.loading')}</p>}
      {history && history.length === 0 && <p>{t('authz.history.none')}</p>}
      {history && history.length > 0 && (
        <ol>
          {history.map((h, i) => (
            <li key={i}>
              {h.at && <time dateTime={h.at}>{formatTime(h.at, language)}</time>} {label('authz.event', h.what)}
              {h.by && <span class="muted"> · {h.by}</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
