import { ApiError } from '../../api/http';
import { isMessageKey, type MessageKey, type Params } from '../../i18n/catalogue';

// The login API's problems as sentences beside the fields (errors[].field) or above the form.

export type LoginFields = 'uscc' | 'legalRepName' | 'legalRepIdNumber' | 'code';
export interface LoginProblem {
  form?: { key: MessageKey; params?: Params };
  /** Per field: a catalogue key for the field's code, or the API's own message when the code is new. */
  fields: Partial<Record<LoginFields, { key?: MessageKey; message: string }>>;
  /** The challenge cannot be used any more: the person must ask for a new code. */
  restart: boolean;
}

const RESTART_REASONS = new Set(['EXPIRED', 'ALREADY_USED', 'LOCKED', 'UNKNOWN_CHALLENGE']);

export function explainLoginError(error: unknown): LoginProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const fields: LoginProblem['fields'] = {};
  for (const f of error.fieldErrors) {
    const key = `login.field.${f.code}`;
    fields[f.field as LoginFields] = { key: isMessageKey(key) ? key : undefined, message: f.message };
  }
  if (error.fieldErrors.length > 0) return { fields, restart: false };
  if (error.status === 429) return { form: { key: 'login.error.RATE_LIMITED', params: { minutes: Math.max(1, Math.ceil((error.extra.retryAfter ?? 60) / 60)) } }, fields, restart: false };
  if (error.code === 'LOGIN_FAILED') return { form: { key: 'login.error.LOGIN_FAILED' }, fields, restart: false };
  if (error.code === 'LOGIN_CODE_REJECTED') {
    const reason = error.extra.reason ?? 'WRONG_CODE';
    const key = `login.error.${reason}`;
    return { form: { key: isMessageKey(key) ? key : 'login.error.WRONG_CODE' }, fields, restart: RESTART_REASONS.has(reason) };
  }
  return undefined;
}
