import { close, constants, fdatasync, openSync, read, readSync, writev, writevSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDirectory } from './durable.file';

/** Segment file name: the base offset, zero-padded so names sort like offsets. */
export function segmentFileName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, '0')}.log`;
}

/**
 * One append-only segment file and its in-memory offset index (one entry per batch: first offset,
 * last offset, file position). The index is rebuilt by scanning on start.
 */
export class Segment {
  readonly firstOffsets: number[] = [];
  readonly lastOffsets: number[] = [];
  readonly positions: number[] = [];
  readonly maxTimestamps: number[] = [];
  /** Largest batch max timestamp, for retention.ms. */
  maxTimestamp = -1;
  /** Bytes assigned to batches (written or queued). */
  size: number;

  private constructor(
    readonly baseOffset: number,
    readonly path: string,
    readonly fd: number,
    size: number,
  ) {
    this.size = size;
  }

  /** Opens or creates a segment; with durable, a new file's directory entry is fsynced so power loss keeps it. */
  static open(dir: string, baseOffset: number, durable = false): Segment {
    const path = join(dir, segmentFileName(baseOffset));
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o600); // records are enterprises' data: owner only
    if (durable) fsyncDirectory(dir);
    return new Segment(baseOffset, path, fd, 0);
  }

  get empty(): boolean {
    return this.positions.length === 0;
  }

  /** Indexes a batch placed at the current end; returns its file position. */
  place(firstOffset: number, lastOffset: number, bytes: number, maxTimestamp: number): number {
    const at = this.size;
    this.firstOffsets.push(firstOffset);
    this.lastOffsets.push(lastOffset);
    this.positions.push(at);
    this.maxTimestamps.push(maxTimestamp);
    if (maxTimestamp > this.maxTimestamp) this.maxTimestamp = maxTimestamp;
    this.size += bytes;
    return at;
  }

  /** Index of the first batch whose last offset is >= offset, or -1. */
  find(offset: number): number {
    let lo = 0;
    let hi = this.lastOffsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lastOffsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.lastOffsets.length ? lo : -1;
  }

  /**
   * Writes buffers at a file position with one writev; fsyncs when asked. Without fsync the write only
   * reaches the page cache, which is quicker done inline than with a thread-pool round trip.
   */
  write(buffers: Buffer[], position: number, sync: boolean): Promise<void> {
    if (!sync) {
      try {
        writeAllSync(this.fd, buffers, position);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    return new Promise((resolve, reject) => {
      writev(this.fd, buffers, position, (err) => {
        if (err) return reject(err);
        if (!sync) return resolve();
        fdatasync(this.fd, (e) => (e ? reject(e) : resolve()));
      });
    });
  }

  /** Reads [from, to) of the file synchronously: for the hot tail just written, still in the page cache. */
  readHot(from: number, to: number): Buffer {
    const out = Buffer.allocUnsafe(to - from);
    let filled = 0;
    while (filled < out.length) {
      const n = readSync(this.fd, out, filled, out.length - filled, from + filled);
      if (n === 0) break;
      filled += n;
    }
    return out.subarray(0, filled);
  }

  /** Reads [from, to) of the file. */
  read(from: number, to: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(to - from);
    this.readers++;
    return new Promise<Buffer>((resolve, reject) => {
      const step = (filled: number): void => {
        if (filled === out.length) return resolve(out);
        read(this.fd, out, filled, out.length - filled, from + filled, (err, n) => {
          if (err) return reject(err);
          if (n === 0) return resolve(out.subarray(0, filled));
          step(filled + n);
        });
      };
      step(0);
    }).finally(() => {
      if (--this.readers === 0) this.idle?.();
    });
  }

  private readers = 0;
  private idle: (() => void) | undefined;

  /** Closes the file once in-flight reads are done, so a recycled fd number is never read by mistake. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      const closeNow = () => close(this.fd, () => resolve());
      if (this.readers === 0) closeNow();
      else this.idle = closeNow;
    });
  }
}

/** writevSync until every byte is written (a short write is legal). */
function writeAllSync(fd: number, buffers: Buffer[], position: number): void {
  let pending = buffers;
  let at = position;
  while (pending.length > 0) {
    let n = writevSync(fd, pending, at);
    at += n;
    const rest: Buffer[] = [];
    for (const b of pending) {
      if (n >= b.length) n -= b.length;
      else {
        rest.push(n > 0 ? b.subarray(n) : b);
        n = 0;
      }
    }
    pending = rest;
  }
}
