import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { readAuthorization, type Authorization, type Binding } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { isMessageKey, type MessageKey } from '../../i18n/catalogue';
import { Page } from '../../ui/page';
import { ErrorBox, RemoteView, useRemote } from '../../ui/remote';
import { AuthorizationHeading, AuthorizationSummary } from './AuthorizationCard';
import { ActiveActions, PendingActions } from './AuthorizationActions';

const ORDER = ['PENDING', 'ACTIVE', 'PAUSED'];
/** consent's lists follow its streams a moment later (a projection): after an action, wait for the list to show it. */
const CATCH_UP_ATTEMPTS = 20;
const CATCH_UP_MS = 250;

/** Authorisations: requests waiting for an answer, active and paused ones, and those that ended. */
export function AuthorizationsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const all = useRemote(() => api.authorizations(), [api]);
  const bindings = useRemote(api.bindings, [api]);
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const active: Binding[] = bindings.remote.state === 'ok' ? bindings.remote.data.filter((b) => b.status === 'ACTIVE') : [];
  const known: Binding[] = bindings.remote.state === 'ok' ? bindings.remote.data : [];

  const act = async (work: () => Promise<unknown>) => {
    setFailure(undefined);
    setDone(undefined);
    try {
      const answer = readAuthorization(await work());
      for (let attempt = 0; answer.id && answer.status && attempt < CATCH_UP_ATTEMPTS; attempt++) {
        const listed = (await api.authorizations().catch(() => [])).find((a) => a.id === answer.id);
        if (listed?.status === answer.status) break;
        await new Promise((resolve) => setTimeout(resolve, CATCH_UP_MS));
      }
      setDone(t('authz.done'));
      await all.reload(true);
    } catch (error) {
      setFailure(error);
      throw error;
    }
  };

  const section = (id: string, title: string, none: string, list: Authorization[], actions: (a: Authorization) => preact.JSX.Element | null) => (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {list.length === 0 ? (
        <p>{none}</p>
      ) : (
        list.map((a) => (
          <article key={a.id} class="authorization" data-authorization={a.id} data-status={a.status}>
            <AuthorizationHeading a={a} />
            <AuthorizationSummary a={a} bindings={known} />
            {actions(a)}
          </article>
        ))
      )}
    </section>
  );

  return (
    <Page title={t('authz.title')} intro={t('authz.intro')} wide>
      {done && (
        <p class="notice notice--ok" role="status">
          {done}
        </p>
      )}
      {failure !== undefined && <ErrorBox error={failure} message={explainRefusal(failure, t)} />}
      <RemoteView remote={all.remote} retry={() => all.reload()}>
        {(list) => (
          <>
            {section('authz-pending', t('authz.pending'), t('authz.pending.none'), list.filter((a) => a.status === 'PENDING'), (a) => (
              <PendingActions a={a} accounts={active} act={act} />
            ))}
            {section('authz-active', t('authz.active'), t('authz.active.none'), list.filter((a) => a.status === 'ACTIVE' || a.status === 'PAUSED'), (a) => (
              <ActiveActions a={a} accounts={active} act={act} />
            ))}
            {section('authz-past', t('authz.past'), t('authz.past.none'), list.filter((a) => !ORDER.includes(a.status)), () => null)}
          </>
        )}
      </RemoteView>
    </Page>
  );
}

/** Consent's refusals in words: a known code from the catalogue, any other 409 as "its state does not allow that". */
function explainRefusal(error: unknown, t: (key: MessageKey) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const key = `authz.error.${error.code}`;
  if (isMessageKey(key)) return t(key);
  return error.status === 409 ? t('authz.error.ILLEGAL_TRANSITION') : undefined;
}
