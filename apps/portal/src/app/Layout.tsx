import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { formatTime } from '../format/format';
import type { MessageKey } from '../i18n/catalogue';
import { useI18n } from './i18n';
import { PATHS } from './paths';
import { useSession } from './session';

const ACCOUNT_NAV: Array<[keyof typeof PATHS, MessageKey]> = [
  ['home', 'nav.home'],
  ['accounts', 'nav.accounts'],
  ['authorizations', 'nav.authorizations'],
  ['report', 'nav.report'],
  ['activity', 'nav.activity'],
  ['messages', 'nav.messages'],
  ['declarations', 'nav.declarations'],
  ['objections', 'nav.objections'],
  ['guide', 'nav.guide'],
];
const PUBLIC_NAV: Array<[keyof typeof PATHS, MessageKey]> = [
  ['home', 'nav.home'],
  ['guide', 'nav.guide'],
  ['faq', 'nav.faq'],
  ['login', 'nav.login'],
];

/** The number of authorisation requests waiting for the enterprise (the nav's badge); 0 when unknown. */
function usePendingCount(): number {
  const { session, api } = useSession();
  const { path } = useLocation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!session) return setCount(0);
    let live = true;
    api.authorizations('PENDING').then(
      (list) => live && setCount(list.filter((a) => a.status === 'PENDING').length),
      () => live && setCount(0),
    );
    return () => void (live = false);
  }, [session, api, path]);
  return count;
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { t, language, setLanguage } = useI18n();
  const { session, end } = useSession();
  const { path } = useLocation();
  const pending = usePendingCount();
  const nav = session ? ACCOUNT_NAV : PUBLIC_NAV;
  // preact-iso's path has no trailing slash: /portal/ is /portal.
  const current = (p: string) => p.replace(/\/$/, '') === path;
  return (
    <>
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="masthead">
        <div class="brand">
          <a href={PATHS.home}>
            <span class="brand-title">{t('app.title')}</span>
            <span class="brand-platform">{t('app.platform')}</span>
          </a>
        </div>
        <div class="masthead-tools">
          <button type="button" class="link-button" lang={language === 'zh-CN' ? 'en' : 'zh-CN'} aria-label={t('app.language.switchLabel')} onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('app.language.switch')}
          </button>
          {session && (
            <>
              <span class="session-info">
                {t('session.who', { uscc: session.uscc })} · {t('session.until', { time: formatTime(session.expiresAt, language) })}
              </span>
              <button type="button" class="logout" onClick={() => void end('logout')}>
                {t('nav.logout')}
              </button>
            </>
          )}
        </div>
        <nav aria-label={t('app.nav.label')} class="mainnav">
          <ul>
            {nav.map(([key, label]) => (
              <li key={key}>
                <a href={PATHS[key]} aria-current={current(PATHS[key]) ? 'page' : undefined}>
                  {t(label)}
                  {key === 'authorizations' && pending > 0 && <span class="badge">{t('nav.pendingBadge', { count: pending })}</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="footer">
        <p>{t('app.footer.time')}</p>
        <p>{t('app.footer.api')}</p>
      </footer>
    </>
  );
}
