import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../app/i18n';
import { PATHS } from '../app/paths';
import { useSession } from '../app/session';

/** A page: its heading, the document title, and the session's notice (logged out, expired) if any. */
export function Page({ title, intro, children, wide }: { title: string; intro?: string; children?: ComponentChildren; wide?: boolean }) {
  const { t } = useI18n();
  const { notice, clearNotice } = useSession();
  useEffect(() => {
    document.title = `${title} · ${t('app.title')}`;
  }, [title, t]);
  return (
    <article class={`page${wide ? ' page--wide' : ''}`}>
      {notice && (
        <div class="notice notice--info" role="status">
          <p>{t(notice)}</p>
          <button type="button" class="link-button" onClick={clearNotice}>
            {t('common.close')}
          </button>
        </div>
      )}
      <h1>{title}</h1>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </article>
  );
}

/** The signed-in pages: without a session, a pointer to the login page instead of a blank page. */
export function RequireLogin({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (session) return <>{children}</>;
  return (
    <Page title={t('nav.login')}>
      <p>{t('common.page.loginRequired')}</p>
      <p>
        <a class="button primary" href={PATHS.login}>
          {t('welcome.login')}
        </a>
      </p>
    </Page>
  );
}
