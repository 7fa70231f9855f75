import { useState } from 'preact/hooks';
import type { Authorization, Binding } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Confirm } from '../../ui/confirm';
import { useAccountName } from '../../ui/labels';

type Act = (work: () => Promise<unknown>) => Promise<void>;

function AccountChoice({ name, accounts, chosen, onChange }: { name: string; accounts: Binding[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const accountName = useAccountName();
  return (
    <ul class="plain choices">
      {accounts.map((b) => (
        <li key={b.id}>
          <input
            type="checkbox"
            id={`${name}-${b.id}`}
            checked={chosen.includes(b.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, b.id] : chosen.filter((x) => x !== b.id))}
          />
          <label for={`${name}-${b.id}`}>{accountName(b)}</label>
        </li>
      ))}
    </ul>
  );
}

/** Grant (choosing accounts) or reject a request. */
export function PendingActions({ a, accounts, act }: { a: Authorization; accounts: Binding[]; act: Act }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [mode, setMode] = useState<'grant' | 'reject'>();
  const [chosen, setChosen] = useState<string[]>(a.accounts.filter((id) => accounts.some((b) => b.id === id)));
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    act(work)
      .then(() => setMode(undefined))
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  return (
    <div class="actions">
      <button type="button" class="primary" onClick={() => setMode('grant')}>
        {t('authz.grant')}
      </button>
      <button type="button" class="danger" onClick={() => setMode('reject')}>
        {t('authz.reject')}
      </button>
      {mode === 'grant' && (
        <Confirm title={t('authz.grant.title', { lender: a.lender })} confirmLabel={t('authz.grant.confirm')} busy={busy} onConfirm={() => run(() => api.grant(a.id, chosen))} onCancel={() => setMode(undefined)}>
          <fieldset>
            <legend>{t('authz.grant.accounts')}</legend>
            <AccountChoice name={`grant-${a.id}`} accounts={accounts} chosen={chosen} onChange={setChosen} />
          </fieldset>
        </Confirm>
      )}
      {mode === 'reject' && (
        <Confirm title={t('authz.reject.confirm', { lender: a.lender })} confirmLabel={t('authz.reject')} danger busy={busy} onConfirm={() => run(() => api.reject(a.id))} onCancel={() => setMode(undefined)} />
      )}
    </div>
  );
}

/** Extend (days, accounts), pause or resume, revoke. */
export function ActiveActions({ a, accounts, act }: { a: Authorization; accounts: Binding[]; act: Act }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [mode, setMode] = useState<'extend' | 'pause' | 'revoke'>();
  const [days, setDays] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const addable = accounts.filter((b) => !a.accounts.includes(b.id));
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    act(work)
      .then(() => setMode(undefined))
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };
  const extend = () => {
    const extendDays = Number(days);
    run(() => api.extend(a.id, { ...(extendDays > 0 ? { extendDays } : {}), ...(added.length > 0 ? { addAccounts: added } : {}) }));
  };
  return (
    <div class="actions">
      <button type="button" onClick={() => setMode('extend')}>
        {t('authz.extend')}
      </button>
      {a.status === 'ACTIVE' ? (
        <button type="button" onClick={() => setMode('pause')}>
          {t('authz.pause')}
        </button>
      ) : (
        <button type="button" onClick={() => run(() => api.resume(a.id))} disabled={busy}>
          {t('authz.resume')}
        </button>
      )}
      <button type="button" class="danger" onClick={() => setMode('revoke')}>
        {t('authz.revoke')}
      </button>
      {mode === 'extend' && (
        <Confirm title={t('authz.extend')} confirmLabel={t('authz.extend.confirm')} busy={busy} onConfirm={extend} onCancel={() => setMode(undefined)}>
          <div class="field">
            <label for={`extend-days-${a.id}`}>{t('authz.extend.days')}</label>
            <input id={`extend-days-${a.id}`} type="number" min={1} max={365} inputMode="numeric" value={days} onInput={(e) => setDays(e.currentTarget.value)} />
          </div>
          {addable.length > 0 && (
            <fieldset>
              <legend>{t('authz.extend.accounts')}</legend>
              <AccountChoice name={`extend-${a.id}`} accounts={addable} chosen={added} onChange={setAdded} />
            </fieldset>
          )}
        </Confirm>
      )}
      {mode === 'pause' && (
        <Confirm title={t('authz.pause.confirm', { lender: a.lender })} confirmLabel={t('authz.pause')} busy={busy} onConfirm={() => run(() => api.pause(a.id))} onCancel={() => setMode(undefined)} />
      )}
      {mode === 'revoke' && (
        <Confirm title={t('authz.revoke.confirm', { lender: a.lender })} confirmLabel={t('authz.revoke')} danger busy={busy} onConfirm={() => run(() => api.revoke(a.id))} onCancel={() => setMode(undefined)} />
      )}
    </div>
  );
}
