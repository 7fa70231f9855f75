import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/** The client half of SCRAM-SHA-256, for tests that speak raw SASL frames (SaslHandshake v0). */
export class ScramTestClient {
  private readonly nonce = randomBytes(18).toString('base64');
  private bare = '';
  private serverSignature = Buffer.alloc(0);

  constructor(
    private readonly username: string,
    private readonly password: string,
  ) {}

  first(): Buffer {
    this.bare = `n=${this.username},r=${this.nonce}`;
    return Buffer.from(`n,,${this.bare}`);
  }

  final(serverFirst: Buffer): Buffer {
    const text = serverFirst.toString();
    const fields = new Map(text.split(',').map((p) => [p[0], p.slice(2)]));
    const salted = pbkdf2Sync(this.password, Buffer.from(fields.get('s')!, 'base64'), Number(fields.get('i')), 32, 'sha256');
    const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();
    const clientKey = hmac(salted, 'Client Key');
    const storedKey = createHash('sha256').update(clientKey).digest();
    const withoutProof = `c=biws,r=${fields.get('r')}`;
    const authMessage = `${this.bare},${text},${withoutProof}`;
    const signature = hmac(storedKey, authMessage);
    const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
    this.serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
    return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`);
  }

  /** True when server-final carries the signature only the real server key can make. */
  verifies(serverFinal: Buffer): boolean {
    return serverFinal.toString() === `v=${this.serverSignature.toString('base64')}`;
  }
}
