import { isOpenObjection } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { PATHS } from '../../app/paths';
import { useSession } from '../../app/session';
import { formatDate, formatMonth, formatTime } from '../../format/format';
import { StatusTag, useAccountName, useLabel } from '../../ui/labels';
import { Page } from '../../ui/page';
import { RemoteView, useRemote } from '../../ui/remote';
import { activitySummary } from '../activity/activity-summary';

/** Home: the four things an enterprise looks at first, each loaded (and failing) on its own. */
export function HomePage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const label = useLabel();
  const accountName = useAccountName();
  const bindings = useRemote(api.bindings, [api]);
  const pending = useRemote(() => api.authorizations('PENDING'), [api]);
  const activity = useRemote(() => api.activity(), [api]);
  const objections = useRemote(api.objections, [api]);
  const nameOf = (bindingId: string) => {
    const b = bindings.remote.state === 'ok' ? bindings.remote.data.find((x) => x.id === bindingId) : undefined;
    return b ? accountName(b) : bindingId;
  };

  return (
    <Page title={t('home.title')} wide>
      <div class="grid">
        <section class="card" aria-labelledby="home-accounts">
          <h2 id="home-accounts">{t('home.accounts')}</h2>
          <RemoteView remote={bindings.remote} retry={() => bindings.reload()}>
            {(list) => {
              const live = list.filter((b) => b.status !== 'ENDED');
              return live.length === 0 ? (
                <p>
                  {t('home.accounts.none')} <a href={PATHS.accounts}>{t('home.accounts.bind')}</a>
                </p>
              ) : (
                <ul class="plain">
                  {live.map((b) => (
                    <li key={b.id}>
                      {accountName(b)} <StatusTag prefix="binding.status" status={b.status} />
                    </li>
                  ))}
                </ul>
              );
            }}
          </RemoteView>
        </section>

        <section class="card" aria-labelledby="home-pending">
          <h2 id="home-pending">
            {t('home.pending')}
            {pending.remote.state === 'ok' && pending.remote.data.length > 0 && <span class="badge">{pending.remote.data.length}</span>}
          </h2>
          <RemoteView remote={pending.remote} retry={() => pending.reload()}>
            {(list) =>
              list.length === 0 ? (
                <p>{t('home.pending.none')}</p>
              ) : (
                <>
                  <ul class="plain">
                    {list.map((a) => (
                      <li key={a.id}>
                        {t('authz.plain', { lender: a.lender, purpose: label('purpose', a.purpose), products: a.products.map((p) => label('product', p)).join(' / ') })}
                      </li>
                    ))}
                  </ul>
                  <a class="button primary" href={PATHS.authorizations}>
                    {t('home.pending.go')}
                  </a>
                </>
              )
            }
          </RemoteView>
        </section>

        <section class="card" aria-labelledby="home-activity">
          <h2 id="home-activity">{t('home.activity')}</h2>
          <RemoteView remote={activity.remote} retry={() => activity.reload()}>
            {(list) =>
              list.length === 0 ? (
                <p>{t('home.activity.none')}</p>
              ) : (
                <>
                  <ul class="plain">
                    {[...list]
                      .sort((a, b) => b.seq - a.seq)
                      .slice(0, 5)
                      .map((item) => (
                        <li key={item.seq}>
                          <time dateTime={item.at}>{formatTime(item.at, language)}</time> {label('activity.kind', item.kind)}: {activitySummary(item, language)}
                        </li>
                      ))}
                  </ul>
                  <a href={PATHS.activity}>{t('common.seeAll')}</a>
                </>
              )
            }
          </RemoteView>
        </section>

        <section class="card" aria-labelledby="home-objections">
          <h2 id="home-objections">{t('home.objections')}</h2>
          <RemoteView remote={objections.remote} retry={() => objections.reload()}>
            {(list) => {
              const open = list.filter(isOpenObjection);
              return open.length === 0 ? (
                <p>{t('home.objections.none')}</p>
              ) : (
                <ul class="plain">
                  {open.map((o) => (
                    <li key={o.id}>
                      {nameOf(o.bindingId)} · {formatMonth(o.period, language)} <StatusTag prefix="objections.status" status={o.status} />
                      {o.dueBy && <> · {t('objections.dueBy', { date: formatDate(o.dueBy, language) })}</>}
                    </li>
                  ))}
                </ul>
              );
            }}
          </RemoteView>
        </section>
      </div>
    </Page>
  );
}
