/** SASL PLAIN (RFC 4616): `[authzid] NUL authcid NUL passwd`, UTF-8. */
export interface PlainCredentials {
  readonly username: string;
  readonly password: string;
}

/** Parses a PLAIN token, or says why it is unusable. As Kafka, an authzid must be empty or the user itself. */
export function parsePlainToken(token: Buffer): PlainCredentials | { error: string } {
  const parts = token.toString('utf8').split('\u0000');
  if (parts.length !== 3) return { error: 'Invalid SASL/PLAIN response: expected 3 tokens' };
  const [authzid, username, password] = parts;
  if (username.length === 0) return { error: 'Authentication failed: username not specified' };
  if (password.length === 0) return { error: 'Authentication failed: password not specified' };
  if (authzid.length > 0 && authzid !== username) {
    return { error: 'Authentication failed: Client requested an authorization id that is different from username' };
  }
  return { username, password };
}
