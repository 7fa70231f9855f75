import { useState } from 'preact/hooks';
import type { ActivityItem } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ApiError } from '../../api/http';
import { formatTime } from '../../format/format';
import { verifyInclusion, type ProofVerdict } from '../../proof/verify-proof';
import { useExplain } from '../../ui/remote';

type State = { state: 'idle' } | { state: 'busy' } | { state: 'done'; verdict: ProofVerdict } | { state: 'fetch-failed'; error: unknown };

/** An entry logged a moment ago is not in a checkpoint yet (409 NOT_YET_CHECKPOINTED, retry-after): ask again a few times. */
const NOT_YET_ATTEMPTS = 8;
const notYetCheckpointed = (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'NOT_YET_CHECKPOINTED';

async function fetchProof(fetch: () => Promise<unknown>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch();
    } catch (error) {
      if (!notYetCheckpointed(error) || attempt >= NOT_YET_ATTEMPTS) throw error;
      const seconds = Math.min((error as ApiError).extra.retryAfter ?? 1, 5);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** 验证: fetch the inclusion proof and check it in this page's own code (SHA-256, RFC 9162 path, Ed25519). */
export function VerifyButton({ item }: { item: ActivityItem }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const explain = useExplain();
  const [state, setState] = useState<State>({ state: 'idle' });
  const verify = async () => {
    setState({ state: 'busy' });
    let proof: unknown;
    try {
      proof = await fetchProof(() => api.proof(item.seq));
    } catch (error) {
      return setState({ state: 'fetch-failed', error });
    }
    setState({ state: 'done', verdict: await verifyInclusion(item.seq, proof, { entry: item.entry }) });
  };
  return (
    <div class="verify" aria-live="polite">
      <button type="button" onClick={() => void verify()} disabled={state.state === 'busy'}>
        {state.state === 'busy' ? t('activity.verifying') : t('activity.verify')}
      </button>
      {state.state === 'fetch-failed' && (
        <p class="verdict verdict--failed" role="alert" data-verdict="failed">
          {t('activity.failed', { reason: notYetCheckpointed(state.error) ? t('activity.failure.NOT_YET_CHECKPOINTED') : t('activity.failure.FETCH', { detail: explain(state.error) }) })}
        </p>
      )}
      {state.state === 'done' && state.verdict.ok && (
        <div class="verdict verdict--ok" data-verdict="ok">
          <p>{t('activity.verified', { size: state.verdict.checkpointSize, key: state.verdict.keyId, time: formatTime(state.verdict.timestamp, language) })}</p>
          <p class="muted hash">{t('activity.verified.fingerprint', { fingerprint: state.verdict.keyFingerprint })}</p>
        </div>
      )}
      {state.state === 'done' && !state.verdict.ok && (
        <p class="verdict verdict--failed" role="alert" data-verdict="failed" data-failure={state.verdict.failure}>
          {t('activity.failed', { reason: t(`activity.failure.${state.verdict.failure}`, { key: state.verdict.keyId ?? '' }) })}
        </p>
      )}
    </div>
  );
}
