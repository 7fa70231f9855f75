import type { Socket } from 'node:net';
import type { ConnectionContext } from '../apis/api.registry';
import { SaslSession } from '../auth/sasl.session';
import type { BrokerContext } from '../broker.context';
import { FrameError, FrameSplitter } from './frame.splitter';
import { ReplyQueue } from './reply.queue';
import { dispatch, RejectedRequest } from './request.dispatcher';

// Stop reading a connection that has this many unanswered requests or unsent reply bytes.
const MAX_IN_FLIGHT = 2048;
const MAX_UNSENT_BYTES = 64 * 1024 * 1024;

/**
 * One client connection: frames in, handlers run concurrently, replies out in request order. Until
 * SASL authentication completes, frames are handled one at a time (as Kafka's authenticator reads
 * them), so a request sent right behind the last SASL token already sees the authenticated session.
 */
export class Connection implements ConnectionContext {
  readonly state = new Map<string, unknown>();
  readonly session: SaslSession;
  private readonly splitter: FrameSplitter;
  private readonly replies: ReplyQueue;
  private readonly closers = new Set<() => void>();
  private paused = false;
  /** Set while an unauthenticated connection's request is handled; frames wait in the backlog. */
  private gate: Promise<void> | undefined;
  private readonly backlog: Buffer[] = [];
  private closeReason: string | undefined;
  closed = false;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly broker: BrokerContext,
  ) {
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    this.session = new SaslSession(broker.security, this.remote, broker.log);
    this.splitter = new FrameSplitter(broker.config.maxRequestBytes);
    this.replies = new ReplyQueue((buffers) => this.write(buffers));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', (e) => this.broker.log('info', 'connection error', { connection: id, remote: this.remote, error: e.message }));
    socket.on('close', () => this.onClosed());
  }

  readonly remote: string;

  onClose(fn: () => void): () => void {
    if (this.closed) {
      fn();
      return () => undefined;
    }
    this.closers.add(fn);
    return () => this.closers.delete(fn);
  }

  /** Closes with a log line saying why. */
  abort(reason: string): void {
    if (this.closed) return;
    this.broker.log('warn', `closing connection: ${reason}`, { connection: this.id, remote: this.remote });
    this.socket.destroy();
    this.onClosed();
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.splitter.push(chunk);
    } catch (e) {
      if (e instanceof FrameError) return this.abort(e.message);
      throw e;
    }
    for (const frame of frames) {
      if (this.closed || this.closeReason !== undefined) return;
      if (this.gate) this.backlog.push(frame);
      else this.handle(frame);
    }
    this.maybePause();
  }

  closeAfterReply(reason: string): void {
    this.closeReason ??= reason;
  }

  private handle(frame: Buffer): void {
    const serial = !this.session.authenticated;
    const reserved = this.replies.reserve();
    const done = (buffers: Buffer[]) => {
      reserved(buffers);
      if (this.closeReason !== undefined) this.endAfterReplies(this.closeReason);
    };
    const fail = (e: unknown) => {
      if (e instanceof RejectedRequest) this.abort(e.message);
      else {
        this.broker.log('error', 'request handler failed', { connection: this.id, error: (e as Error)?.stack ?? String(e) });
        this.abort('internal error while handling a request');
      }
    };
    try {
      const out = this.session.expectsRawTokens ? this.rawToken(frame) : dispatch(frame, this.broker, this);
      if (Array.isArray(out)) return done(out);
      const handled = out.then(done, fail);
      if (serial) this.holdUntil(handled);
    } catch (e) {
      fail(e);
    }
  }

  /** After SaslHandshake v0: the frame is a bare SASL token, answered by a bare token (none on failure). */
  private async rawToken(frame: Buffer): Promise<Buffer[]> {
    const answer = await this.session.authenticate(frame);
    if (answer.closeAfter) {
      this.abort(answer.closeAfter);
      return [];
    }
    const size = Buffer.alloc(4);
    size.writeInt32BE(answer.token.length);
    return [size, answer.token];
  }

  private holdUntil(handled: Promise<void>): void {
    this.socket.pause();
    this.gate = handled.then(() => {
      this.gate = undefined;
      while (!this.gate && !this.closed && this.closeReason === undefined && this.backlog.length > 0) this.handle(this.backlog.shift() as Buffer);
      if (!this.gate && !this.closed && !this.paused) this.socket.resume();
    });
  }

  /** Sends what is queued, then closes; a client that does not read is cut off after a second. */
  private endAfterReplies(reason: string): void {
    if (this.closed) return;
    this.broker.log('info', `closing connection: ${reason}`, { connection: this.id, remote: this.remote });
    this.socket.end();
    setTimeout(() => this.destroy(), 1000).unref();
  }

  private write(buffers: Buffer[]): void {
    if (this.closed) return;
    if (buffers.length === 1) this.socket.write(buffers[0]);
    else {
      this.socket.cork();
      for (const b of buffers) this.socket.write(b);
      this.socket.uncork();
    }
    this.maybeResume();
  }

  private maybePause(): void {
    if (!this.paused && (this.replies.pending > MAX_IN_FLIGHT || this.socket.writableLength > MAX_UNSENT_BYTES)) {
      this.paused = true;
      this.socket.pause();
    }
  }

  private maybeResume(): void {
    if (this.paused && !this.gate && this.replies.pending <= MAX_IN_FLIGHT / 2 && this.socket.writableLength <= MAX_UNSENT_BYTES / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    const closers = [...this.closers];
    this.closers.clear();
    for (const fn of closers) fn();
  }

  destroy(): void {
    this.socket.destroy();
    this.onClosed();
  }
}
