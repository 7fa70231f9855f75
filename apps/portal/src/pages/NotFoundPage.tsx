import { useI18n } from '../app/i18n';
import { PATHS } from '../app/paths';
import { Page } from '../ui/page';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('common.page.notFound.title')}>
      <p>{t('common.page.notFound.body')}</p>
      <p>
        <a href={PATHS.home}>{t('nav.home')}</a>
      </p>
    </Page>
  );
}
