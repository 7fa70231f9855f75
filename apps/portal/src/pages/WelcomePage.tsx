import { useI18n } from '../app/i18n';
import { PATHS } from '../app/paths';
import { Page } from '../ui/page';

/** Before login: what the data account is, and the way to log in, the guide and the FAQ. */
export function WelcomePage() {
  const { t } = useI18n();
  return (
    <Page title={t('welcome.title')} intro={t('welcome.intro')}>
      <section class="card">
        <h2>{t('welcome.can.title')}</h2>
        <ul class="checklist">
          <li>{t('welcome.can.bind')}</li>
          <li>{t('welcome.can.authorize')}</li>
          <li>{t('welcome.can.report')}</li>
          <li>{t('welcome.can.record')}</li>
          <li>{t('welcome.can.rights')}</li>
        </ul>
      </section>
      <p class="actions">
        <a class="button primary" href={PATHS.login}>
          {t('welcome.login')}
        </a>
        <a class="button" href={PATHS.guide}>
          {t('welcome.guide')}
        </a>
        <a class="button" href={PATHS.faq}>
          {t('welcome.faq')}
        </a>
      </p>
    </Page>
  );
}
