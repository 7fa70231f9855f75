import { useState } from 'preact/hooks';
import { ACTIVITY_KINDS, type ActivityItem, type ActivityKind } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatTime } from '../../format/format';
import { useLabel } from '../../ui/labels';
import { Page } from '../../ui/page';
import { RemoteView, useRemote } from '../../ui/remote';
import { activitySummary } from './activity-summary';
import { VerifyButton } from './VerifyButton';

/** The activity record (信息记录), filtered by kind, newest first, each item verifiable in the browser. */
export function ActivityPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const label = useLabel();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const activity = useRemote(() => api.activity(kind || undefined), [api, kind]);
  return (
    <Page title={t('activity.title')} intro={t('activity.intro')} wide>
      <div class="field field--inline">
        <label for="activity-kind">{t('activity.filter')}</label>
        <select id="activity-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ActivityKind | '')}>
          <option value="">{t('activity.filter.all')}</option>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`activity.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <RemoteView remote={activity.remote} retry={() => activity.reload()}>
        {(items: ActivityItem[]) =>
          items.length === 0 ? (
            <p>{t('activity.none')}</p>
          ) : (
            <ol class="activity">
              {[...items]
                .sort((a, b) => b.seq - a.seq)
                .map((item) => (
                  <li key={item.seq} class="card activity-item" data-seq={item.seq}>
                    <p>
                      <time dateTime={item.at}>{formatTime(item.at, language)}</time> · <strong>{label('activity.kind', item.kind)}</strong>
                      {item.actor && <span class="muted"> · {item.actor}</span>}
                    </p>
                    <p>{activitySummary(item, language)}</p>
                    <p class="muted">{t('activity.seq', { seq: item.seq })}</p>
                    <VerifyButton item={item} />
                  </li>
                ))}
            </ol>
          )
        }
      </RemoteView>
    </Page>
  );
}
