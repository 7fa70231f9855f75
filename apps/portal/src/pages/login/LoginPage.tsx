import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { Field } from '../../ui/field';
import { Page } from '../../ui/page';
import { ErrorBox } from '../../ui/remote';
import { explainLoginError, type LoginFields, type LoginProblem } from './login-errors';

/** Whether the platform runs in embedded demo mode (the gateway says so in /portal/runtime.json). */
function useDemoMode(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    fetch(`${import.meta.env.BASE_URL}runtime.json`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : {}))
      .then((r: { embedded?: boolean }) => setDemo(r.embedded === true))
      .catch(() => setDemo(false));
  }, []);
  return demo;
}

export function LoginPage() {
  const { t } = useI18n();
  const { api, begin } = useSession();
  const demo = useDemoMode();
  const [details, setDetails] = useState({ uscc: '', legalRepName: '', legalRepIdNumber: '' });
  const [challengeId, setChallengeId] = useState<string>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<LoginProblem>();
  const [failure, setFailure] = useState<unknown>();

  const fail = (error: unknown) => {
    const explained = explainLoginError(error);
    setProblem(explained);
    setFailure(explained ? undefined : error);
  };
  const fieldError = (f: LoginFields) => {
    const p = problem?.fields[f];
    return p ? (p.key ? t(p.key) : p.message) : undefined;
  };
  const restart = () => {
    setChallengeId(undefined);
    setCode('');
    setProblem(undefined);
  };

  const requestCode = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setFailure(undefined);
    try {
      const answer = await api.loginChallenge({ uscc: details.uscc.trim().toUpperCase(), legalRepName: details.legalRepName.trim(), legalRepIdNumber: details.legalRepIdNumber.trim().toUpperCase() });
      setChallengeId(answer.challengeId);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const logIn = async (e: Event) => {
    e.preventDefault();
    if (!challengeId) return;
    setBusy(true);
    setProblem(undefined);
    setFailure(undefined);
    try {
      const token = await api.login({ challengeId, code: code.trim() });
      await begin(token.access_token, token.expires_in);
    } catch (error) {
      fail(error);
      setBusy(false);
    }
  };

  const input = (name: keyof typeof details) => ({
    value: details[name],
    onInput: (e: Event) => setDetails({ ...details, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <Page title={t('login.title')} intro={t('login.intro')}>
      {problem?.form && (
        <div class="notice notice--error" role="alert">
          <p>{t(problem.form.key, problem.form.params)}</p>
        </div>
      )}
      {failure !== undefined && <ErrorBox error={failure} />}
      {!challengeId ? (
        <form class="card form" onSubmit={requestCode} noValidate>
          <Field id="uscc" label={t('login.uscc')} hint={t('login.uscc.hint')} error={fieldError('uscc')}>
            {(aria) => <input {...aria} name="uscc" autocomplete="off" spellcheck={false} maxLength={18} required {...input('uscc')} />}
          </Field>
          <Field id="legalRepName" label={t('login.name')} hint={t('login.name.hint')} error={fieldError('legalRepName')}>
            {(aria) => <input {...aria} name="legalRepName" autocomplete="name" maxLength={60} required {...input('legalRepName')} />}
          </Field>
          <Field id="legalRepIdNumber" label={t('login.idNumber')} hint={t('login.idNumber.hint')} error={fieldError('legalRepIdNumber')}>
            {(aria) => <input {...aria} name="legalRepIdNumber" autocomplete="off" spellcheck={false} maxLength={18} required {...input('legalRepIdNumber')} />}
          </Field>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('login.sending') : t('login.sendCode')}
          </button>
        </form>
      ) : (
        <form class="card form" onSubmit={logIn} noValidate>
          <p role="status">{t('login.codeSent')}</p>
          {demo && <p class="notice notice--info demo-note">{t('login.demoNote')}</p>}
          <Field id="code" label={t('login.code')} hint={t('login.code.hint')} error={fieldError('code')}>
            {(aria) => <input {...aria} name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onInput={(e) => setCode(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy || problem?.restart}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
            <button type="button" onClick={restart}>
              {t('login.restart')}
            </button>
          </div>
        </form>
      )}
      <section class="card rules">
        <h2>{t('login.rules.title')}</h2>
        <ul>
          <li>{t('login.rules.code')}</li>
          <li>{t('login.rules.rate')}</li>
          <li>{t('login.rules.privacy')}</li>
        </ul>
      </section>
    </Page>
  );
}
