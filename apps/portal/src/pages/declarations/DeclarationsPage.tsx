import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import type { Declaration } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isMessageKey, type MessageKey } from '../../i18n/catalogue';
import { formatMonth, formatTime } from '../../format/format';
import { Confirm } from '../../ui/confirm';
import { Field } from '../../ui/field';
import { StatusTag, useAccountName } from '../../ui/labels';
import { Page } from '../../ui/page';
import { ErrorBox, RemoteView, useRemote } from '../../ui/remote';
import { SubmitFailure, TextArea, useSubmit } from '../../ui/text-form';

const LIMIT = 500;
type Scope = 'all' | 'account' | 'month';

/** Declarations (声明): scoped to the whole report, one account, or one month of one account; withdrawable. */
export function DeclarationsPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const accountName = useAccountName();
  const declarations = useRemote(api.declarations, [api]);
  const bindings = useRemote(api.bindings, [api]);
  const active = bindings.remote.state === 'ok' ? bindings.remote.data.filter((b) => b.status === 'ACTIVE') : [];
  const all = bindings.remote.state === 'ok' ? bindings.remote.data : [];
  const [text, setText] = useState('');
  const [scope, setScope] = useState<Scope>('all');
  const [bindingId, setBindingId] = useState('');
  const [period, setPeriod] = useState('');
  const [done, setDone] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Declaration>();
  const [withdrawFailure, setWithdrawFailure] = useState<unknown>();
  const form = useSubmit();
  const nameOf = (id?: string) => {
    const b = all.find((x) => x.id === id);
    return b ? accountName(b) : (id ?? '');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    if (!text.trim()) return form.setFields({ text: t('common.field.required') });
    if ([...text].length > LIMIT) return form.setFields({ text: t('common.field.invalid') });
    if (scope !== 'all' && !bindingId) return form.setFields({ bindingId: t('common.field.required') });
    if (scope === 'month' && !period) return form.setFields({ period: t('common.field.required') });
    const body = { text, ...(scope !== 'all' ? { bindingId } : {}), ...(scope === 'month' ? { period } : {}) };
    if (await form.submit(() => api.declare(body))) {
      setText('');
      setDone(true);
      await declarations.reload(true);
    }
  };
  const explainCode = (code: string) => {
    const key = `declarations.error.${code}`;
    return isMessageKey(key) ? t(key as MessageKey) : undefined;
  };
  const withdraw = async () => {
    if (!withdrawing) return;
    setWithdrawFailure(undefined);
    try {
      await api.withdrawDeclaration(withdrawing.id);
      setWithdrawing(undefined);
      await declarations.reload(true);
    } catch (error) {
      setWithdrawFailure(error);
      setWithdrawing(undefined);
    }
  };

  return (
    <Page title={t('declarations.title')} intro={t('declarations.intro')}>
      {declarations.remote.state !== 'missing' && (
        <form class="card form" onSubmit={(e) => void submit(e)} noValidate>
          <h2>{t('declarations.new')}</h2>
          <TextArea id="declaration-text" label={t('declarations.text')} hint={t('declarations.text.hint')} limit={LIMIT} value={text} error={form.fields.text} onInput={setText} />
          <fieldset>
            <legend>{t('declarations.scope')}</legend>
            {(['all', 'account', 'month'] as const).map((s) => (
              <div key={s} class="field--check">
                <input type="radio" id={`scope-${s}`} name="scope" value={s} checked={scope === s} disabled={s !== 'all' && active.length === 0} onChange={() => setScope(s)} />
                <label for={`scope-${s}`}>{t(`declarations.scope.${s}`)}</label>
              </div>
            ))}
          </fieldset>
          {scope !== 'all' && (
            <Field id="declaration-binding" label={t('declarations.account')} error={form.fields.bindingId}>
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
          )}
          {scope === 'month' && (
            <Field id="declaration-period" label={t('declarations.period')} error={form.fields.period}>
              {(aria) => <input {...aria} type="month" value={period} onInput={(e) => setPeriod(e.currentTarget.value)} />}
            </Field>
          )}
          <SubmitFailure failure={form.failure} explainCode={explainCode} />
          {done && (
            <p class="notice notice--ok" role="status">
              {t('declarations.done')}
            </p>
          )}
          <button type="submit" class="primary" disabled={form.busy}>
            {t('declarations.submit')}
          </button>
        </form>
      )}
      <section class="card" aria-labelledby="declarations-list">
        <h2 id="declarations-list">{t('declarations.list')}</h2>
        {withdrawFailure !== undefined && <ErrorBox error={withdrawFailure} message={withdrawFailure instanceof ApiError ? explainCode(withdrawFailure.code) : undefined} />}
        <RemoteView remote={declarations.remote} retry={() => declarations.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('declarations.none')}</p>
            ) : (
              <ol class="plain">
                {list.map((d) => (
                  <li key={d.id} class="declaration" data-declaration={d.id} data-status={d.status}>
                    <p class="muted">
                      <time dateTime={d.at}>{formatTime(d.at, language)}</time> · <StatusTag prefix="declarations.status" status={d.status} /> ·{' '}
                      {d.period && d.bindingId
                        ? t('report.declaration.scope.month', { account: nameOf(d.bindingId), month: formatMonth(d.period, language) })
                        : d.bindingId
                          ? t('report.declaration.scope.account', { account: nameOf(d.bindingId) })
                          : t('report.declaration.scope.all')}
                    </p>
                    <p class="user-text">{d.text}</p>
                    {d.status === 'ACTIVE' && (
                      <button type="button" class="danger" onClick={() => setWithdrawing(d)}>
                        {t('declarations.withdraw')}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            )
          }
        </RemoteView>
      </section>
      {withdrawing && <Confirm title={t('declarations.withdraw.confirm')} confirmLabel={t('declarations.withdraw')} danger onConfirm={() => void withdraw()} onCancel={() => setWithdrawing(undefined)} />}
    </Page>
  );
}
