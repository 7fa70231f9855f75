import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isNotAvailable } from '../api/http';
import { useI18n } from '../app/i18n';

// Loading something from the API, and the four ways it can end up on the page: loading, loaded,
// "not available yet" (the route is not deployed), or a plain-language error with a retry. A failed
// request never leaves the page blank.

export type Remote<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'missing' } | { state: 'error'; error: unknown };

export function useRemote<T>(load: () => Promise<T>, deps: unknown[], options: { pollMs?: (data: T) => number | undefined } = {}) {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(async (quiet = false) => {
    const mine = ++generation.current;
    if (!quiet) setRemote({ state: 'loading' });
    try {
      const data = await load();
      if (mine === generation.current) setRemote({ state: 'ok', data });
    } catch (error) {
      if (mine === generation.current) setRemote(isNotAvailable(error) ? { state: 'missing' } : { state: 'error', error });
    }
  }, deps);
  useEffect(() => {
    void run();
    return () => void generation.current++;
  }, [run]);
  const every = remote.state === 'ok' ? options.pollMs?.(remote.data) : undefined;
  useEffect(() => {
    if (!every) return;
    const timer = setTimeout(() => void run(true), every);
    return () => clearTimeout(timer);
  }, [remote, every, run]);
  return { remote, reload: (quiet?: boolean) => run(quiet) };
}

export function RemoteView<T>({ remote, retry, children }: { remote: Remote<T>; retry: () => void; children: (data: T) => ComponentChildren }) {
  switch (remote.state) {
    case 'loading':
      return <Loading />;
    case 'missing':
      return <NotAvailable />;
    case 'error':
      return <ErrorBox error={remote.error} retry={retry} />;
    case 'ok':
      return <>{children(remote.data)}</>;
    default: {
      const never: never = remote;
      return never;
    }
  }
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function NotAvailable() {
  const { t } = useI18n();
  return (
    <section class="notice notice--pending" data-state="not-available">
      <h3>{t('common.notAvailable.title')}</h3>
      <p>{t('common.notAvailable.body')}</p>
    </section>
  );
}

/** The plain-language sentence for a failed request. */
export function useExplain() {
  const { t } = useI18n();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('common.error.generic', { detail: String((error as Error)?.message ?? error) });
    if (error.status === 0) return t('common.error.network');
    if (error.status >= 500) return t('common.error.server');
    if (error.status === 403) return t('common.error.forbidden');
    if (error.status === 404) return t('common.error.notFound');
    if (error.status === 409) return t('common.error.conflict', { detail: error.detail });
    if (error.status === 429) return t('common.error.rateLimited', { seconds: error.extra.retryAfter ?? 60 });
    return t('common.error.generic', { detail: error.detail });
  };
}

export function ErrorBox({ error, retry, message }: { error: unknown; retry?: () => void; message?: string }) {
  const { t } = useI18n();
  const explain = useExplain();
  const reference = error instanceof ApiError ? error.extra.requestId : undefined;
  return (
    <div class="notice notice--error" role="alert">
      <p>
        <strong>{t('common.error.title')}</strong> {message ?? explain(error)}
      </p>
      {reference && <p class="muted">{t('common.reference', { id: reference })}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
