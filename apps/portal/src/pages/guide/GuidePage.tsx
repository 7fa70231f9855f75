import { readGuide, type GuideSection } from '../../api/shapes';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import type { MessageKey } from '../../i18n/catalogue';
import { Page } from '../../ui/page';
import { useRemote } from '../../ui/remote';

// The service guide and FAQ, readable before login. The platform's guide (GET /v1/guide) is shown when it
// answers; otherwise, or while it loads, the portal's own copy from the catalogues, so the page is never blank.

const BUILTIN_SECTIONS: Array<[string, MessageKey, MessageKey]> = [
  ['login', 'guide.section.login', 'guide.login.body'],
  ['service', 'guide.section.service', 'guide.service.body'],
  ['manual', 'guide.section.manual', 'guide.manual.body'],
];
const BUILTIN_FAQ: Array<[string, MessageKey, MessageKey]> = [
  ['what', 'faq.q.what', 'faq.a.what'],
  ['who', 'faq.q.who', 'faq.a.who'],
  ['products', 'faq.q.products', 'faq.a.products'],
  ['bind', 'faq.q.bind', 'faq.a.bind'],
  ['objection', 'faq.q.objection', 'faq.a.objection'],
  ['free', 'faq.q.free', 'faq.a.free'],
  ['retention', 'faq.q.retention', 'faq.a.retention'],
  ['declaration', 'faq.q.declaration', 'faq.a.declaration'],
  ['verify', 'faq.q.verify', 'faq.a.verify'],
  ['code', 'faq.q.code', 'faq.a.code'],
];

function useGuide() {
  const { api } = useSession();
  const { t, language } = useI18n();
  const { remote } = useRemote(api.guide, [api]);
  const served = remote.state === 'ok' ? readGuide(remote.data, language) : undefined;
  const builtinSections: GuideSection[] = BUILTIN_SECTIONS.map(([id, title, body]) => ({ id, title: t(title), paragraphs: t(body).split('\n') }));
  const builtinFaq: GuideSection[] = BUILTIN_FAQ.map(([id, q, a]) => ({ id: `faq-${id}`, title: t(q), paragraphs: [t(a)] }));
  return {
    fromServer: Boolean(served),
    sections: served?.sections.length ? served.sections : builtinSections,
    faq: served?.faq.length ? served.faq : builtinFaq,
  };
}

function Source({ fromServer }: { fromServer: boolean }) {
  const { t } = useI18n();
  return <p class="muted">{t(fromServer ? 'guide.source.server' : 'guide.source.builtin')}</p>;
}

function Faq({ entries }: { entries: GuideSection[] }) {
  return (
    <div class="faq">
      {entries.map((e) => (
        <details key={e.id} id={e.id}>
          <summary>{e.title}</summary>
          {e.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </details>
      ))}
    </div>
  );
}

export function GuidePage() {
  const { t } = useI18n();
  const guide = useGuide();
  return (
    <Page title={t('guide.title')}>
      <Source fromServer={guide.fromServer} />
      <nav aria-label={t('guide.toc')} class="toc">
        <ul>
          {guide.sections.map((s) => (
            <li key={s.id}>
              <a href={`#guide-${s.id}`}>{s.title}</a>
            </li>
          ))}
          <li>
            <a href="#guide-faq">{t('guide.section.faq')}</a>
          </li>
        </ul>
      </nav>
      {guide.sections.map((s) => (
        <section key={s.id} id={`guide-${s.id}`} class="card">
          <h2>{s.title}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <section id="guide-faq" class="card">
        <h2>{t('guide.section.faq')}</h2>
        <Faq entries={guide.faq} />
      </section>
    </Page>
  );
}

export function FaqPage() {
  const { t } = useI18n();
  const guide = useGuide();
  return (
    <Page title={t('guide.section.faq')}>
      <Source fromServer={guide.fromServer} />
      <Faq entries={guide.faq} />
    </Page>
  );
}
