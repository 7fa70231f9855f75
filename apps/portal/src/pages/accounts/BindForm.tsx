import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { ACCOUNT_TYPES, type AccountType } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isMessageKey, type MessageKey } from '../../i18n/catalogue';
import { Field } from '../../ui/field';
import { ErrorBox, RemoteView, useRemote } from '../../ui/remote';

// Binding an account: the full agreement text with its version and SHA-256 (GET /v1/subject/agreement)
// and an explicit accept; the provider is a registered institution code (no public provider list yet).

type FieldName = 'provider' | 'accountNumber' | 'accountType' | 'agreementAccepted';

export function BindForm({ onBound }: { onBound: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const agreement = useRemote(api.agreement, [api]);
  const [form, setForm] = useState({ provider: '', accountNumber: '', accountType: 'BASIC' as AccountType, accepted: false });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event, version: string) => {
    e.preventDefault();
    setFailure(undefined);
    if (!form.accepted) return setErrors({ agreementAccepted: t('accounts.bind.mustAccept') });
    setErrors({});
    setBusy(true);
    try {
      await api.bind({ provider: form.provider.trim().toUpperCase(), accountNumber: form.accountNumber.replace(/\s+/g, ''), accountType: form.accountType, agreementVersion: version, agreementAccepted: true });
      setForm({ ...form, accountNumber: '', accepted: false });
      onBound();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        setErrors(Object.fromEntries(error.fieldErrors.map((f) => [f.field, f.message])));
      } else {
        const key = error instanceof ApiError ? `accounts.error.${error.code}` : '';
        setFailure(isMessageKey(key) ? new Explained(t(key as MessageKey)) : error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="bind-title">
      <h2 id="bind-title">{t('accounts.bind.title')}</h2>
      <RemoteView remote={agreement.remote} retry={() => agreement.reload()}>
        {(a) =>
          !a ? (
            <p>{t('accounts.bind.agreement.unavailable')}</p>
          ) : (
            <form class="form" onSubmit={(e) => void submit(e, a.version)} noValidate>
              <Field id="bind-provider" label={t('accounts.bind.provider')} hint={t('accounts.bind.provider.hint')} error={errors.provider}>
                {(aria) => <input {...aria} name="provider" autocomplete="off" maxLength={20} required value={form.provider} onInput={(e) => setForm({ ...form, provider: e.currentTarget.value })} />}
              </Field>
              <Field id="bind-number" label={t('accounts.bind.number')} hint={t('accounts.bind.number.hint')} error={errors.accountNumber}>
                {(aria) => <input {...aria} name="accountNumber" inputMode="numeric" autocomplete="off" maxLength={40} required value={form.accountNumber} onInput={(e) => setForm({ ...form, accountNumber: e.currentTarget.value })} />}
              </Field>
              <Field id="bind-type" label={t('accounts.bind.type')} error={errors.accountType}>
                {(aria) => (
                  <select {...aria} name="accountType" value={form.accountType} onChange={(e) => setForm({ ...form, accountType: e.currentTarget.value as AccountType })}>
                    {ACCOUNT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`account.type.${type}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <h3>{t('accounts.bind.agreement')}</h3>
              <p class="muted">
                {t('accounts.bind.agreement.version', { version: a.version })} · <span class="hash">{t('accounts.bind.agreement.hash', { hash: a.sha256 })}</span>
              </p>
              <div class="agreement" tabIndex={0} role="document" aria-label={t('accounts.bind.agreement')}>
                {a.text.split('\n').map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </div>
              <div class={`field field--check${errors.agreementAccepted ? ' field--invalid' : ''}`}>
                <input id="bind-accept" type="checkbox" checked={form.accepted} aria-describedby={errors.agreementAccepted ? 'bind-accept-error' : undefined} onChange={(e) => setForm({ ...form, accepted: e.currentTarget.checked })} />
                <label for="bind-accept">{t('accounts.bind.accept', { version: a.version })}</label>
                {errors.agreementAccepted && (
                  <p class="field-error" id="bind-accept-error">
                    {errors.agreementAccepted}
                  </p>
                )}
              </div>
              {failure !== undefined && <ErrorBox error={failure} message={failure instanceof Explained ? failure.message : undefined} />}
              <button type="submit" class="primary" disabled={busy}>
                {t('accounts.bind.submit')}
              </button>
            </form>
          )
        }
      </RemoteView>
    </section>
  );
}

/** A failure already put in words from the catalogue. */
class Explained extends Error {}
