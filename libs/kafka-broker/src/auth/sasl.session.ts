import type { BrokerLog } from '../broker.context';
import { ErrorCode } from '../codec/error-codes';
import { userPrincipal, type Principal } from './acl.types';
import { SASL_MECHANISMS, type BrokerSecurity, type SaslMechanism } from './broker.security';
import { startExchange, type MechanismExchange } from './sasl.mechanisms';

/** Everyone's principal when auth is off, as in Kafka's PLAINTEXT listeners. */
export const ANONYMOUS: Principal = 'User:ANONYMOUS';

type State =
  | { readonly kind: 'open' }
  | { readonly kind: 'exchanging'; readonly mechanism: SaslMechanism; readonly raw: boolean; readonly exchange: MechanismExchange }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'failed' };

/** An answer to a SASL request; `closeAfter` = close the connection once it is sent, and why. */
export interface SaslAnswer {
  readonly errorCode: number;
  readonly message: string | null;
  readonly token: Buffer;
  readonly closeAfter?: string;
}

/**
 * One connection's SASL state, as Apache Kafka's SaslServerAuthenticator keeps it: ApiVersions and
 * SaslHandshake first, then the mechanism's tokens (raw frames after SaslHandshake v0, SaslAuthenticate
 * requests after v1), then Kafka requests as the authenticated principal.
 */
export class SaslSession {
  private state: State;
  principal: Principal = ANONYMOUS;

  constructor(
    private readonly security: BrokerSecurity,
    private readonly remote: string,
    private readonly log: BrokerLog,
  ) {
    this.state = security.enabled ? { kind: 'open' } : { kind: 'authenticated' };
  }

  get authenticated(): boolean {
    return this.state.kind === 'authenticated';
  }

  /** After SaslHandshake v0 the client sends bare SASL tokens, not Kafka requests. */
  get expectsRawTokens(): boolean {
    return this.state.kind === 'exchanging' && this.state.raw;
  }

  handshake(mechanism: string, version: number): { errorCode: number; mechanisms: string[]; closeAfter?: string } {
    if (!this.security.enabled) {
      this.log('warn', 'SASL requested but not configured', { mechanism, remote: this.remote });
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] };
    }
    const mechanisms = [...SASL_MECHANISMS];
    switch (this.state.kind) {
      case 'open':
        if (!isMechanism(mechanism)) {
          return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms, closeAfter: `unsupported SASL mechanism ${JSON.stringify(mechanism.slice(0, 40))}` };
        }
        this.state = { kind: 'exchanging', mechanism, raw: version === 0, exchange: startExchange(mechanism, this.security.store) };
        return { errorCode: ErrorCode.NONE, mechanisms };
      case 'authenticated':
        return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms };
      case 'exchanging':
      case 'failed':
        return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms, closeAfter: 'SaslHandshake during SASL authentication' };
      default:
        return unreachable(this.state);
    }
  }

  /** One client token (a SaslAuthenticate request's bytes, or a raw frame after handshake v0). */
  async authenticate(token: Buffer): Promise<SaslAnswer> {
    const state = this.state;
    switch (state.kind) {
      case 'authenticated':
        return illegal('SaslAuthenticate request received after successful authentication');
      case 'open':
        return illegal('SaslAuthenticate before SaslHandshake', 'SaslAuthenticate before SaslHandshake');
      case 'failed':
        return illegal('authentication already failed', 'SaslAuthenticate after a failed authentication');
      case 'exchanging':
        return this.exchange(state.mechanism, state.exchange, token);
      default:
        return unreachable(state);
    }
  }

  private async exchange(mechanism: SaslMechanism, exchange: MechanismExchange, token: Buffer): Promise<SaslAnswer> {
    if (!this.security.enabled) throw new Error('exchange without security');
    const { throttle, stats, failedLoginDelayMs } = this.security;
    const address = hostOf(this.remote);
    if (throttle.blocked(address)) {
      this.state = { kind: 'failed' };
      stats.authenticationsThrottled++;
      await delay(failedLoginDelayMs);
      return failed('Authentication failed: too many failed attempts from this address; try again later', 'login attempts throttled');
    }
    const step = await exchange.step(token);
    switch (step.kind) {
      case 'challenge':
        return { errorCode: ErrorCode.NONE, message: null, token: step.token };
      case 'success':
        this.state = { kind: 'authenticated' };
        this.principal = userPrincipal(step.username);
        stats.authenticationsSucceeded++;
        this.log('info', 'SASL authenticated', { remote: this.remote, principal: this.principal, mechanism });
        return { errorCode: ErrorCode.NONE, message: null, token: step.token };
      case 'failure': {
        this.state = { kind: 'failed' };
        stats.authenticationsFailed++;
        const username = step.username?.slice(0, 128);
        this.log('warn', 'SASL authentication failed', { remote: this.remote, mechanism, username, reason: step.detail });
        if (throttle.recordFailure(address)) this.log('warn', 'too many failed logins: further attempts refused for a while', { address });
        await delay(failedLoginDelayMs);
        return failed(step.message, 'SASL authentication failed');
      }
      default:
        return unreachable(step);
    }
  }
}

function isMechanism(name: string): name is SaslMechanism {
  return (SASL_MECHANISMS as readonly string[]).includes(name);
}

function illegal(message: string, closeAfter?: string): SaslAnswer {
  return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, message, token: Buffer.alloc(0), closeAfter };
}

function failed(message: string, closeAfter: string): SaslAnswer {
  return { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, message, token: Buffer.alloc(0), closeAfter };
}

/** `1.2.3.4:5678` or `::1:5678` without the port. */
export function hostOf(remote: string): string {
  return remote.replace(/:\d+$/, '');
}

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function unreachable(value: never): never {
  throw new Error(`unexpected SASL state ${JSON.stringify(value)}`);
}
