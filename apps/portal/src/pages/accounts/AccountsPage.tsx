import { useState } from 'preact/hooks';
import type { Binding } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatTime } from '../../format/format';
import { Confirm } from '../../ui/confirm';
import { StatusTag, useAccountName } from '../../ui/labels';
import { Page } from '../../ui/page';
import { ErrorBox, RemoteView, useRemote } from '../../ui/remote';
import { BindForm } from './BindForm';

const POLL_MS = 2000;

/** Accounts: the enterprise's bindings (polled while one waits for its institution), bind and unbind. */
export function AccountsPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const accountName = useAccountName();
  const bindings = useRemote(api.bindings, [api], { pollMs: (list) => (list.some((b) => b.status === 'PENDING_PROVIDER') ? POLL_MS : undefined) });
  const [unbinding, setUnbinding] = useState<Binding>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const unbind = async () => {
    if (!unbinding) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.unbind(unbinding.id);
      setDone(t('accounts.unbind.done'));
      setUnbinding(undefined);
      await bindings.reload(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('accounts.title')} intro={t('accounts.intro')} wide>
      <section class="card" aria-labelledby="accounts-list">
        <h2 id="accounts-list">{t('accounts.list')}</h2>
        {done && (
          <p class="notice notice--ok" role="status">
            {done}
          </p>
        )}
        {failure !== undefined && <ErrorBox error={failure} />}
        <RemoteView remote={bindings.remote} retry={() => bindings.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('accounts.none')}</p>
            ) : (
              <>
                {list.some((b) => b.status === 'PENDING_PROVIDER') && (
                  <p class="muted" role="status">
                    {t('accounts.polling')}
                  </p>
                )}
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('accounts.col.account')}</th>
                        <th scope="col">{t('accounts.col.status')}</th>
                        <th scope="col">{t('accounts.col.agreement')}</th>
                        <th scope="col">{t('accounts.col.since')}</th>
                        <th scope="col">{t('accounts.col.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((b) => (
                        <tr key={b.id} data-binding={b.id} data-status={b.status}>
                          <td>{accountName(b)}</td>
                          <td>
                            <StatusTag prefix="binding.status" status={b.status} />
                            {b.reason && <div class="muted">{t('accounts.reason', { reason: b.reason })}</div>}
                          </td>
                          <td>{b.agreementVersion ?? '—'}</td>
                          <td>{b.requestedAt ? formatTime(b.requestedAt, language) : '—'}</td>
                          <td>
                            {(b.status === 'ACTIVE' || b.status === 'PENDING_PROVIDER') && (
                              <button type="button" class="danger" onClick={() => (setDone(undefined), setUnbinding(b))}>
                                {t('accounts.unbind')}
                              </button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )
          }
        </RemoteView>
      </section>
      {bindings.remote.state !== 'missing' && <BindForm onBound={() => (setDone(t('accounts.bind.done')), bindings.reload(true))} />}
      {unbinding && (
        <Confirm title={t('accounts.unbind.title', { account: accountName(unbinding) })} confirmLabel={t('accounts.unbind.confirm')} danger busy={busy} onConfirm={() => void unbind()} onCancel={() => setUnbinding(undefined)}>
          <p>{t('accounts.unbind.body')}</p>
        </Confirm>
      )}
    </Page>
  );
}
