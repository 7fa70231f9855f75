import { Headers, verifyProviderMessage, type InboundMessageRejection, type ProviderKeyRegistry } from '@cfc/contracts';
import type { IncomingMessage, ProviderDirectory } from '@cfc/platform';
import { untilAnswered, type Patience } from '../ports/until-answered';

/** A whole-message refusal: dead-lettered with its reason, the provider told when it can be identified. */
export interface Refusal {
  kind: 'refused';
  reason: InboundMessageRejection;
  detail: string;
  /** Whom to tell: the signer, or the registered provider the message claims to be from. */
  provider?: string;
  /** Only when the signature held. */
  submissionId?: string;
  messageType?: string;
}

/** The signature check against identity's key registry (waits while identity is away, never refuses for it). */
export class InboundAuthentication {
  constructor(
    private readonly keys: ProviderKeyRegistry,
    private readonly providers: ProviderDirectory,
    private readonly patience: Patience,
  ) {}

  /** The signing provider, or the refusal (MISSING_SIGNATURE_HEADERS, UNKNOWN_KEY, REVOKED_KEY, BAD_SIGNATURE). */
  async signer(message: IncomingMessage, body: unknown, messageType?: string): Promise<{ ok: true; provider: string } | { ok: false; refusal: Refusal }> {
    const verified = await untilAnswered('identity (provider keys)', () => verifyProviderMessage(message.headers, message.value, this.keys), this.patience);
    if (verified.ok) return { ok: true, provider: verified.provider };
    const refusal: Refusal = {
      kind: 'refused',
      reason: verified.reason,
      detail: `signature check failed (provider ${verified.provider ?? '?'}, key ${verified.keyId ?? '?'})`,
      provider: await this.claimedProvider(message, body),
      messageType,
    };
    return { ok: false, refusal };
  }

  /**
   * The provider a message that could not be authenticated says it is from (header, else body), when that is a
   * registered provider: it is told that something was refused in its name. Unregistered names are told nothing
   * (no topic is created for an id anyone can make up).
   */
  async claimedProvider(message: IncomingMessage, body: unknown): Promise<string | undefined> {
    const fromBody = typeof body === 'object' && body !== null ? (body as { provider?: unknown }).provider : undefined;
    const claimed = message.headers[Headers.provider] ?? (typeof fromBody === 'string' ? fromBody : undefined);
    if (!claimed || !/^[A-Z0-9]{4,20}$/.test(claimed)) return undefined;
    return (await untilAnswered('identity (institutions)', () => this.providers.isProvider(claimed), this.patience)) ? claimed : undefined;
  }
}
