import { compileValidator, type AuthorizationCheckRequest, type AuthorizationCheckResponse, type AuthorizationRefusal, type OnBehalfOf } from '@cfc/contracts';
import { type InternalClient, ProblemException } from '@cfc/platform';
import type { ConsentCheck } from './consent-check.port';

const REFUSALS: readonly AuthorizationRefusal[] = ['NOT_ACTIVE', 'EXPIRED', 'PAUSED', 'NOT_YOURS', 'PRODUCT_NOT_COVERED', 'ACCOUNT_NOT_COVERED', 'ACCOUNT_UNBOUND', 'QUERY_LIMIT_REACHED'];
const period = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' };

// The answer decides what is disclosed: it is checked against the contract's shape, never trusted blindly.
const validateAnswer = compileValidator<AuthorizationCheckResponse>('consent check answer', {
  oneOf: [
    {
      type: 'object',
      required: ['allowed', 'authorizationId', 'subject', 'lender', 'product', 'accounts', 'period'],
      properties: {
        allowed: { const: true },
        authorizationId: { type: 'string' },
        subject: { type: 'string', format: 'uscc' },
        lender: { type: 'string' },
        product: { enum: ['CREDIT_REPORT', 'DETAIL_SUMMARY'] },
        accounts: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1 } },
        period: { type: 'object', required: ['from', 'to', 'months'], properties: { from: period, to: period, months: { type: 'integer', minimum: 1, maximum: 36 } } },
      },
    },
    {
      type: 'object',
      required: ['allowed', 'reason'],
      properties: { allowed: { const: false }, reason: { enum: [...REFUSALS] }, detail: { type: 'string' }, retryAfterSeconds: { type: 'integer', minimum: 0 } },
    },
  ],
});

/** ConsentCheck over consent's internal HTTP API (POST /internal/authorizations/{id}/check). */
export class HttpConsentCheck implements ConsentCheck {
  constructor(private readonly internal: InternalClient) {}

  async check(authorizationId: string, request: AuthorizationCheckRequest, onBehalf: OnBehalfOf): Promise<AuthorizationCheckResponse> {
    const res = await this.internal.request('consent', {
      method: 'POST',
      path: `/internal/authorizations/${encodeURIComponent(authorizationId)}/check`,
      body: request,
      onBehalf: { principal: onBehalf },
      timeoutMs: 5000,
    });
    const body = await res.json().catch(() => undefined) as Record<string, unknown> | undefined;
    if (res.status === 200) {
      const answer = validateAnswer.check(body);
      if (answer.ok) return answer.value;
      throw new ProblemException(502, 'CONSENT_ANSWER_INVALID', 'Bad Gateway', 'the consent service answered the check in an unexpected shape');
    }
    if (res.status === 404) throw new ProblemException(404, 'AUTHORIZATION_NOT_FOUND', 'Not Found', 'no such authorisation');
    // A consent that answers refusals as problems (403/429 with the reason as code) is understood too.
    const code = body?.code as AuthorizationRefusal | undefined;
    if ((res.status === 403 || res.status === 429) && code && REFUSALS.includes(code)) {
      const retryAfter = Number(res.headers.get('retry-after') ?? body?.retryAfterSeconds);
      return { allowed: false, reason: code, detail: String(body?.detail ?? code), ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
    }
    throw new ProblemException(502, 'CONSENT_CHECK_FAILED', 'Bad Gateway', `the consent service answered the check with ${res.status}`);
  }
}
