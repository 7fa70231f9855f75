/** Why a stream was abandoned: its length prefix cannot be honoured. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

/**
 * Cuts a TCP byte stream into Kafka frames (INT32 size, then size bytes). Frames inside one chunk
 * are views; only frames spanning chunks are copied once.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  /** Feeds a chunk and returns the frames (without their size prefix) it completed. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) return frames;
      const size = this.peekSize();
      if (size < 0) throw new FrameError(`negative frame size ${size}`);
      if (size > this.maxFrameBytes) throw new FrameError(`frame of ${size} bytes exceeds max request bytes ${this.maxFrameBytes}`);
      if (this.buffered < 4 + size) return frames;
      frames.push(this.take(4 + size).subarray(4));
    }
  }

  private peekSize(): number {
    const first = this.chunks[0];
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0];
        const part = Math.min(c.length, n - filled);
        c.copy(out, filled, 0, part);
        filled += part;
        if (part === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(part);
      }
    }
    this.buffered -= n;
    return out;
  }
}
