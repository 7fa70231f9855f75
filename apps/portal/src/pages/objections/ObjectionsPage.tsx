import { useState } from 'preact/hooks';
import { STATISTIC_FIELDS } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isMessageKey, type MessageKey } from '../../i18n/catalogue';
import { formatDate, formatMonth, formatTime } from '../../format/format';
import { Field } from '../../ui/field';
import { StatusTag, useAccountName } from '../../ui/labels';
import { Page } from '../../ui/page';
import { RemoteView, useRemote } from '../../ui/remote';
import { SubmitFailure, TextArea, useSubmit } from '../../ui/text-form';

const LIMIT = 2000;

/** Objections (异议) on one month of one active binding: raise, and follow status and due date. */
export function ObjectionsPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const accountName = useAccountName();
  const objections = useRemote(api.objections, [api]);
  const bindings = useRemote(api.bindings, [api]);
  const all = bindings.remote.state === 'ok' ? bindings.remote.data : [];
  const active = all.filter((b) => b.status === 'ACTIVE');
  const [bindingId, setBindingId] = useState('');
  const [period, setPeriod] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [raised, setRaised] = useState<string>();
  const form = useSubmit();
  const nameOf = (id: string) => {
    const b = all.find((x) => x.id === id);
    return b ? accountName(b) : id;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setRaised(undefined);
    const missing = { ...(!bindingId ? { bindingId: t('common.field.required') } : {}), ...(!period ? { period: t('common.field.required') } : {}), ...(!reason.trim() ? { reason: t('common.field.required') } : {}) };
    if (Object.keys(missing).length > 0) return form.setFields(missing);
    let answer: { dueBy?: string } | undefined;
    const ok = await form.submit(async () => (answer = await api.object({ bindingId, period, reason, ...(fields.length > 0 ? { fields } : {}) })));
    if (ok) {
      setReason('');
      setFields([]);
      setRaised(answer?.dueBy ? t('objections.done', { date: formatDate(answer.dueBy, language) }) : t('common.saved'));
      await objections.reload(true);
    }
  };
  const explainCode = (code: string) => {
    const key = `objections.error.${code}`;
    return isMessageKey(key) ? t(key as MessageKey) : undefined;
  };

  return (
    <Page title={t('objections.title')} intro={t('objections.intro')}>
      {objections.remote.state !== 'missing' && (
        <form class="card form" onSubmit={(e) => void submit(e)} noValidate>
          <h2>{t('objections.new')}</h2>
          {bindings.remote.state === 'ok' && active.length === 0 && <p class="notice notice--info">{t('objections.noActiveAccounts')}</p>}
          <Field id="objection-binding" label={t('objections.account')} error={form.fields.bindingId}>
            {(aria) => (
              <select {...aria} value={bindingId} onChange={(e) => setBindingId(e.currentTarget.value)}>
                <option value="" />
                {active.map((b) => (
                  <option key={b.id} value={b.id}>
                    {accountName(b)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="objection-period" label={t('objections.period')} error={form.fields.period}>
            {(aria) => <input {...aria} type="month" value={period} onInput={(e) => setPeriod(e.currentTarget.value)} />}
          </Field>
          <fieldset>
            <legend>{t('objections.fields')}</legend>
            {STATISTIC_FIELDS.map((f) => (
              <div key={f} class="field--check">
                <input type="checkbox" id={`objection-field-${f}`} checked={fields.includes(f)} onChange={(e) => setFields(e.currentTarget.checked ? [...fields, f] : fields.filter((x) => x !== f))} />
                <label for={`objection-field-${f}`}>{t(`field.${f}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextArea id="objection-reason" label={t('objections.reason')} hint={t('objections.reason.hint')} limit={LIMIT} value={reason} error={form.fields.reason} onInput={setReason} />
          <SubmitFailure failure={form.failure} explainCode={explainCode} />
          {raised && (
            <p class="notice notice--ok" role="status">
              {raised}
            </p>
          )}
          <button type="submit" class="primary" disabled={form.busy || active.length === 0}>
            {t('objections.submit')}
          </button>
        </form>
      )}
      <section class="card" aria-labelledby="objections-list">
        <h2 id="objections-list">{t('objections.list')}</h2>
        <RemoteView remote={objections.remote} retry={() => objections.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('objections.none')}</p>
            ) : (
              <ol class="plain">
                {list.map((o) => (
                  <li key={o.id} class="objection" data-objection={o.id} data-status={o.status}>
                    <p>
                      <strong>
                        {o.account ? accountName(o.account) : nameOf(o.bindingId)} · {formatMonth(o.period, language)}
                      </strong>{' '}
                      <StatusTag prefix="objections.status" status={o.status} />
                    </p>
                    <p class="muted">
                      {o.at && <time dateTime={o.at}>{formatTime(o.at, language)}</time>}
                      {o.dueBy && <> · {t('objections.dueBy', { date: formatDate(o.dueBy, language) })}</>}
                      {o.fields.length > 0 && <> · {o.fields.map((f) => (isMessageKey(`field.${f}`) ? t(`field.${f}` as MessageKey) : f)).join('、')}</>}
                    </p>
                    <p class="user-text">{o.reason}</p>
                    {o.note && <p>{t('objections.resolution', { note: o.note })}</p>}
                  </li>
                ))}
              </ol>
            )
          }
        </RemoteView>
      </section>
    </Page>
  );
}
