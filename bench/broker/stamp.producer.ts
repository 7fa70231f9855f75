import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';

// kafkajs's own Produce v3 encoder on one raw connection: a real client's bytes, without the
// producer machinery whose per-send CPU (about 0.5 ms) would itself distort a 1,000 msg/s run.
const load = createRequire(__filename);
type Request = { apiKey: number; apiVersion: number; encode: () => Promise<unknown> };
type Produce = (args: unknown) => { request: Request };
const { requests } = load('kafkajs/src/protocol/requests') as { requests: Record<string, { protocol: (v: { version: number }) => Produce }> };
const frame = load('kafkajs/src/protocol/request') as (r: { correlationId: number; clientId: string; request: Request }) => Promise<{ buffer: Buffer }>;
const produceV3 = requests.Produce.protocol({ version: 3 });
const saslHandshakeV0 = requests.SaslHandshake.protocol({ version: 0 });

/** Sends single-record batches with acks=all and counts the acknowledgements. */
export class StampProducer {
  private correlationId = 0;
  private pending = Buffer.alloc(0);
  private readonly sentAt = new Map<number, number>();
  acked = 0;
  errors = 0;
  /** Send-to-acknowledgement times, ms. */
  readonly ackMs: number[] = [];

  private constructor(private readonly socket: Socket, private readonly topic: string) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
  }

  /** Connects; with a login, first authenticates with SASL PLAIN over bare frames (SaslHandshake v0). */
  static async open(address: string, topic: string, login?: { username: string; password: string }): Promise<StampProducer> {
    const at = address.lastIndexOf(':');
    const socket = connect({ host: address.slice(0, at), port: Number(address.slice(at + 1)), noDelay: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    if (login) await plainLogin(socket, login);
    return new StampProducer(socket, topic);
  }

  async send(value: string): Promise<void> {
    const { request } = produceV3({
      acks: -1,
      timeout: 5000,
      compression: 0,
      topicData: [{ topic: this.topic, partitions: [{ partition: 0, messages: [{ value }] }] }],
    });
    const correlationId = ++this.correlationId;
    const encoded = await frame({ correlationId, clientId: 'bench-stamp', request });
    this.sentAt.set(correlationId, performance.now());
    this.socket.write(encoded.buffer);
  }

  close(): void {
    this.socket.destroy();
  }

  // Produce v3 response: size, correlation id, [topic [partition error_code ...]].
  private onData(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 4 && this.pending.length >= 4 + this.pending.readInt32BE(0)) {
      const size = this.pending.readInt32BE(0);
      const correlationId = this.pending.readInt32BE(4);
      this.ackMs.push(performance.now() - (this.sentAt.get(correlationId) ?? NaN));
      this.sentAt.delete(correlationId);
      const at = 4 + 4 + 4 + 2 + this.pending.readInt16BE(12) + 4 + 4;
      if (this.pending.readInt16BE(at) === 0) this.acked++;
      else this.errors++;
      this.pending = this.pending.subarray(4 + size);
    }
  }
}

/** SaslHandshake v0 (PLAIN), then the bare PLAIN token; the broker answers an empty frame on success. */
async function plainLogin(socket: Socket, login: { username: string; password: string }): Promise<void> {
  const frames = readFrames(socket);
  const { request } = saslHandshakeV0({ mechanism: 'PLAIN' });
  socket.write((await frame({ correlationId: 0, clientId: 'bench-stamp', request })).buffer);
  const handshake = await frames.next();
  if (handshake.readInt16BE(4) !== 0) throw new Error(`SaslHandshake refused: error ${handshake.readInt16BE(4)}`);
  const token = Buffer.from(`\0${login.username}\0${login.password}`);
  const size = Buffer.alloc(4);
  size.writeInt32BE(token.length);
  socket.write(Buffer.concat([size, token]));
  await frames.next();
  frames.stop();
}

function readFrames(socket: Socket): { next(): Promise<Buffer>; stop(): void } {
  let pending = Buffer.alloc(0);
  let waiting: ((frame: Buffer) => void) | undefined;
  const onData = (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    if (waiting && pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const body = pending.subarray(4, 4 + pending.readInt32BE(0));
      pending = pending.subarray(4 + body.length);
      const w = waiting;
      waiting = undefined;
      w(body);
    }
  };
  socket.on('data', onData);
  return {
    next: () =>
      new Promise((resolve, reject) => {
        waiting = resolve;
        socket.once('close', () => reject(new Error('broker closed the connection during SASL login')));
        onData(Buffer.alloc(0));
      }),
    stop: () => socket.off('data', onData),
  };
}
