import { connect, type Socket } from 'node:net';
import { Reader } from '../codec/primitives/reader';
import { Writer } from '../codec/primitives/writer';
import { FrameSplitter } from '../network/frame.splitter';

/** A bare Kafka-protocol client for tests: sends hand-built requests, returns raw reply bodies by correlation id. */
export class RawKafkaClient {
  private readonly waiting = new Map<number, (body: Reader) => void>();
  private readonly splitter = new FrameSplitter(1 << 30);
  private nextCorrelationId = 1;
  private rawWaiter: ((frame: Buffer) => void) | undefined;
  closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.splitter.push(chunk)) {
        const raw = this.rawWaiter;
        if (raw) {
          this.rawWaiter = undefined;
          raw(frame);
          continue;
        }
        const r = new Reader(frame);
        const id = r.int32();
        this.waiting.get(id)?.(r);
        this.waiting.delete(id);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static open(address: string): Promise<RawKafkaClient> {
    const [host, port] = address.split(':');
    return new Promise((resolve, reject) => {
      const s = connect({ host, port: Number(port) }, () => resolve(new RawKafkaClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends a v1 request header plus body; resolves with a Reader positioned after the correlation id. */
  request(apiKey: number, version: number, body: (w: Writer) => void, flexibleHeader = false): Promise<Reader> {
    const id = this.nextCorrelationId++;
    const w = new Writer().int32(0).int16(apiKey).int16(version).int32(id).nullableString('raw-test');
    if (flexibleHeader) w.emptyTaggedFields();
    body(w);
    const frame = w.toBuffer();
    frame.writeInt32BE(frame.length - 4, 0);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, resolve);
      this.closed.then(() => reject(new Error('connection closed')));
      this.socket.write(frame);
    });
  }

  /** Sends a request expecting no reply (acks=0). */
  send(apiKey: number, version: number, body: (w: Writer) => void): void {
    const w = new Writer().int32(0).int16(apiKey).int16(version).int32(this.nextCorrelationId++).nullableString('raw-test');
    body(w);
    const frame = w.toBuffer();
    frame.writeInt32BE(frame.length - 4, 0);
    this.socket.write(frame);
  }

  /** Sends a bare size-prefixed SASL token (after SaslHandshake v0) and resolves with the bare reply. */
  sendRaw(token: Buffer): Promise<Buffer> {
    const size = Buffer.alloc(4);
    size.writeInt32BE(token.length);
    return new Promise((resolve, reject) => {
      this.rawWaiter = resolve;
      this.closed.then(() => reject(new Error('connection closed')));
      this.socket.write(Buffer.concat([size, token]));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
