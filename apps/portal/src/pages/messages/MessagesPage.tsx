import { useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatTime } from '../../format/format';
import { Page } from '../../ui/page';
import { RemoteView, useRemote } from '../../ui/remote';
import { SubmitFailure, TextArea, useSubmit } from '../../ui/text-form';

const LIMIT = 2000;

/** Messages (留言) to the platform's operator, and their replies. */
export function MessagesPage() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const messages = useRemote(api.messages, [api]);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSubmit();
  const send = async (e: Event) => {
    e.preventDefault();
    setSent(false);
    if (!text.trim()) return form.setFields({ text: t('common.field.required') });
    if ([...text].length > LIMIT) return form.setFields({ text: t('common.field.invalid') });
    if (await form.submit(() => api.sendMessage(text))) {
      setText('');
      setSent(true);
      await messages.reload(true);
    }
  };
  return (
    <Page title={t('messages.title')} intro={t('messages.intro')}>
      {messages.remote.state !== 'missing' && (
        <form class="card form" onSubmit={(e) => void send(e)} noValidate>
          <h2>{t('messages.new')}</h2>
          <TextArea id="message-text" label={t('messages.text')} hint={t('messages.text.hint')} limit={LIMIT} value={text} error={form.fields.text} onInput={setText} />
          <SubmitFailure failure={form.failure} />
          {sent && (
            <p class="notice notice--ok" role="status">
              {t('messages.sent')}
            </p>
          )}
          <button type="submit" class="primary" disabled={form.busy}>
            {t('messages.send')}
          </button>
        </form>
      )}
      <section class="card" aria-labelledby="messages-list">
        <h2 id="messages-list">{t('messages.list')}</h2>
        <RemoteView remote={messages.remote} retry={() => messages.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('messages.none')}</p>
            ) : (
              <ol class="plain">
                {list.map((m) => (
                  <li key={m.id} class="message">
                    <p class="muted">
                      <time dateTime={m.at}>{formatTime(m.at, language)}</time>
                    </p>
                    <p class="user-text">{m.text}</p>
                    {m.reply ? (
                      <blockquote>
                        <p class="muted">{t('messages.reply', { time: m.reply.at ? formatTime(m.reply.at, language) : '' })}</p>
                        <p class="user-text">{m.reply.text}</p>
                      </blockquote>
                    ) : (
                      <p class="muted">{t('messages.noReply')}</p>
                    )}
                  </li>
                ))}
              </ol>
            )
          }
        </RemoteView>
      </section>
    </Page>
  );
}
