import type { AuthStore } from './auth.store';
import type { SaslMechanism } from './broker.security';
import { parsePlainToken } from './plain';
import { passwordMatches, ScramError, ScramServerExchange } from './scram';

/** The outcome of one SASL token. */
export type SaslStep =
  | { readonly kind: 'challenge'; readonly token: Buffer }
  | { readonly kind: 'success'; readonly token: Buffer; readonly username: string }
  | { readonly kind: 'failure'; readonly message: string; readonly detail: string; readonly username?: string };

/** One authentication exchange of one mechanism; fed the client's tokens in order. */
export interface MechanismExchange {
  step(token: Buffer): Promise<SaslStep>;
}

export function startExchange(mechanism: SaslMechanism, store: AuthStore): MechanismExchange {
  switch (mechanism) {
    case 'SCRAM-SHA-256':
      return scramExchange(store);
    case 'PLAIN':
      return plainExchange(store);
    default: {
      const never: never = mechanism;
      throw new Error(`unknown mechanism ${String(never)}`);
    }
  }
}

function scramExchange(store: AuthStore): MechanismExchange {
  const exchange = new ScramServerExchange((name) => store.credential(name), (name) => store.decoyCredential(name));
  let round = 0;
  return {
    step: async (token) => {
      try {
        if (round++ === 0) return { kind: 'challenge', token: Buffer.from(exchange.first(token.toString('utf8'))) };
        const { serverFinal, username } = exchange.final(token.toString('utf8'));
        return { kind: 'success', token: Buffer.from(serverFinal), username };
      } catch (e) {
        if (!(e instanceof ScramError)) throw e;
        return { kind: 'failure', message: e.message, detail: e.detail, username: exchange.username };
      }
    },
  };
}

function plainExchange(store: AuthStore): MechanismExchange {
  return {
    step: async (token) => {
      const parsed = parsePlainToken(token);
      if ('error' in parsed) return { kind: 'failure', message: parsed.error, detail: 'malformed PLAIN token' };
      const credential = store.credential(parsed.username);
      // An unknown user costs the same work as a wrong password, so timing does not tell them apart.
      const ok = await passwordMatches(parsed.password, credential ?? store.decoyCredential(parsed.username));
      if (ok && credential) return { kind: 'success', token: Buffer.alloc(0), username: parsed.username };
      return {
        kind: 'failure',
        message: 'Authentication failed: Invalid username or password',
        detail: credential ? 'wrong password' : 'unknown user',
        username: parsed.username,
      };
    },
  };
}
