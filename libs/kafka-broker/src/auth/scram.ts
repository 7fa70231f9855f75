/*
 * SCRAM-SHA-256 (RFC 5802, RFC 7677), server side, as Kafka speaks it.
 *
 * client-first = gs2-header client-first-bare      gs2-header = ("n" | "y") "," ["a=" authzid] ","
 * client-first-bare = "n=" saslname "," "r=" c-nonce ["," extensions]
 * server-first = "r=" c-nonce s-nonce "," "s=" base64(salt) "," "i=" iterations
 * client-final = "c=" base64(gs2-header) "," "r=" nonce ["," extensions] "," "p=" base64(ClientProof)
 * server-final = "v=" base64(ServerSignature)
 * AuthMessage = client-first-bare "," server-first "," client-final-without-proof
 *
 * Hand-written: no maintained npm package implements the server side (clients such as kafkajs and pg
 * carry their own client halves). Like Kafka, no SASLprep: names and passwords are UTF-8 as given.
 */
import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/** kafkajs refuses fewer; Kafka's own minimum for SCRAM-SHA-256 too. */
export const MIN_SCRAM_ITERATIONS = 4096;

/** What the broker stores for a user: salted keys, never the password. */
export interface ScramCredential {
  readonly salt: Buffer;
  readonly iterations: number;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
}

const hmac = (key: Buffer, text: string | Buffer) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** SaltedPassword = Hi(password, salt, i); the slow step, run off the event loop. */
export function saltPassword(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
}

/** The stored form of a password (for the launcher, tests and tools that write auth files). */
export async function scramCredential(password: string, iterations = MIN_SCRAM_ITERATIONS, salt: Buffer = randomBytes(24)): Promise<ScramCredential> {
  if (iterations < MIN_SCRAM_ITERATIONS) throw new Error(`SCRAM iterations must be at least ${MIN_SCRAM_ITERATIONS}, got ${iterations}`);
  const salted = await saltPassword(password, salt, iterations);
  return { salt, iterations, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}

/** Checks a clear password against a stored credential (how PLAIN logins are verified). */
export async function passwordMatches(password: string, credential: ScramCredential): Promise<boolean> {
  const salted = await saltPassword(password, credential.salt, credential.iterations);
  return timingSafeEqual(sha256(hmac(salted, 'Client Key')), credential.storedKey);
}

/** Why an exchange failed: the message goes to the client, `detail` only to the log. */
export class ScramError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

const INVALID_CREDENTIALS = 'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256';

/** One server-side exchange: first() answers client-first, final() checks the proof and signs. */
export class ScramServerExchange {
  private state: { clientFirstBare: string; serverFirst: string; nonce: string; gs2Header: string; username: string } | undefined;

  /** `lookup` returns undefined for unknown users: the exchange then runs on a decoy credential and fails at final(). */
  constructor(
    private readonly lookup: (username: string) => ScramCredential | undefined,
    private readonly decoy: (username: string) => ScramCredential,
    private readonly serverNonce: () => string = () => randomBytes(18).toString('base64'),
  ) {}

  /** The user named in client-first, once known (for logs). */
  get username(): string | undefined {
    return this.state?.username;
  }

  first(message: string): string {
    const match = /^([ny]|p=[^,]*),(a=[^,]*)?,(.*)$/s.exec(message);
    if (!match) throw new ScramError('Invalid SCRAM client first message', 'malformed gs2 header');
    const [, cbind, authzid, bare] = match;
    if (cbind.startsWith('p=')) throw new ScramError('Channel binding is not supported', 'client asked for channel binding');
    const fields = attributes(bare);
    const username = fields.get('n');
    const clientNonce = fields.get('r');
    if (bare.startsWith('m=')) throw new ScramError('Invalid SCRAM client first message', 'mandatory extension');
    if (username === undefined || clientNonce === undefined || !/^[\x21-\x2b\x2d-\x7e]+$/.test(clientNonce)) {
      throw new ScramError('Invalid SCRAM client first message', 'missing username or nonce');
    }
    const name = unescapeSaslName(username);
    if (authzid !== undefined && unescapeSaslName(authzid.slice(2)) !== name) {
      throw new ScramError('Authentication failed: Client requested an authorization id that is different from username', 'authzid differs');
    }
    const credential = this.lookup(name) ?? this.decoy(name);
    const nonce = clientNonce + this.serverNonce();
    const serverFirst = `r=${nonce},s=${credential.salt.toString('base64')},i=${credential.iterations}`;
    this.state = { clientFirstBare: bare, serverFirst, nonce, gs2Header: message.slice(0, message.length - bare.length), username: name };
    return serverFirst;
  }

  /** Returns server-final and the authenticated user name. */
  final(message: string): { serverFinal: string; username: string } {
    const state = this.state;
    if (!state) throw new ScramError('Invalid SCRAM exchange', 'final before first');
    const proofAt = message.lastIndexOf(',p=');
    if (proofAt < 0) throw new ScramError('Invalid SCRAM client final message', 'no proof');
    const withoutProof = message.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get('c') !== Buffer.from(state.gs2Header).toString('base64')) throw new ScramError('Invalid SCRAM client final message', 'channel binding mismatch');
    // librdkafka 2.0 repeats its own nonce in front of the combined one; Apache Kafka accepts any nonce
    // that ends with the server-first nonce (ScramSaslServer), and so must we. The proof still covers it.
    if (!fields.get('r')?.endsWith(state.nonce)) throw new ScramError('Invalid SCRAM client final message', 'nonce mismatch');
    const proof = Buffer.from(message.slice(proofAt + 3), 'base64');
    const credential = this.lookup(state.username);
    if (!credential) throw new ScramError(INVALID_CREDENTIALS, 'unknown user');
    const authMessage = `${state.clientFirstBare},${state.serverFirst},${withoutProof}`;
    const clientSignature = hmac(credential.storedKey, authMessage);
    if (proof.length !== clientSignature.length) throw new ScramError(INVALID_CREDENTIALS, 'proof of wrong length');
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
    if (!timingSafeEqual(sha256(clientKey), credential.storedKey)) throw new ScramError(INVALID_CREDENTIALS, 'wrong password');
    return { serverFinal: `v=${hmac(credential.serverKey, authMessage).toString('base64')}`, username: state.username };
  }
}

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part[0], part.slice(2));
  }
  return out;
}

/** saslname: "=2C" is ",", "=3D" is "="; any other "=" is malformed. */
function unescapeSaslName(name: string): string {
  if (/=(?!2C|3D)/.test(name)) throw new ScramError('Invalid SCRAM username', 'bad escape in saslname');
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}
