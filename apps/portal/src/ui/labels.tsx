import type { Binding } from '../api/shapes';
import { useI18n } from '../app/i18n';
import { isMessageKey, type MessageKey } from '../i18n/catalogue';

/** The catalogue text for `${prefix}.${value}` (a status, a purpose), or the value itself if it is new. */
export function useLabel() {
  const { t } = useI18n();
  return (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key as MessageKey) : value;
  };
}

/** A status as a coloured tag; the colour repeats what the text says, never replaces it. */
export function StatusTag({ prefix, status }: { prefix: string; status: string }) {
  const label = useLabel();
  return <span class={`tag tag--${status.toLowerCase()}`}>{label(prefix, status)}</span>;
}

/** "B0001 · 基本存款账户 · 6222********3445" */
export function useAccountName() {
  const { t } = useI18n();
  const label = useLabel();
  return (b: Pick<Binding, 'provider' | 'accountType' | 'accountNumber'>) => t('common.account', { provider: b.provider, type: label('account.type', b.accountType), number: b.accountNumber });
}
