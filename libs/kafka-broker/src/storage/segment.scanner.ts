import { fstatSync, ftruncateSync, readSync } from 'node:fs';
import { BATCH_HEADER_BYTES, batchCrcMatches, readBatchHeader, type BatchHeader } from './record-batch';

const READ_AHEAD = 4 * 1024 * 1024;

export interface ScanResult {
  readonly batches: ReadonlyArray<{ header: BatchHeader; position: number }>;
  /** Bytes dropped from the end because they were not a whole, valid batch. */
  readonly truncatedBytes: number;
  readonly reason?: string;
}

/**
 * Reads every batch header of a segment file and cuts off anything after the last whole batch:
 * what a crash mid-write leaves. With verifyCrc each batch's CRC32C is checked too (the active segment).
 */
export function scanSegment(fd: number, expectedFirstOffset: number, verifyCrc: boolean): ScanResult {
  const fileSize = fstatSync(fd).size;
  const batches: Array<{ header: BatchHeader; position: number }> = [];
  let buf = Buffer.alloc(0);
  let bufStart = 0;
  const ensure = (pos: number, n: number): boolean => {
    if (pos + n > fileSize) return false;
    if (pos >= bufStart && pos + n <= bufStart + buf.length) return true;
    buf = Buffer.allocUnsafe(Math.max(n, Math.min(READ_AHEAD, fileSize - pos)));
    bufStart = pos;
    let filled = 0;
    while (filled < buf.length) {
      const got = readSync(fd, buf, filled, buf.length - filled, pos + filled);
      if (got === 0) break;
      filled += got;
    }
    buf = buf.subarray(0, filled);
    return filled >= n;
  };
  let pos = 0;
  let nextOffset = expectedFirstOffset;
  let reason: string | undefined;
  while (pos < fileSize) {
    if (!ensure(pos, BATCH_HEADER_BYTES)) {
      reason = 'partial batch header';
      break;
    }
    const header = readBatchHeader(buf, pos - bufStart);
    if (header.size < BATCH_HEADER_BYTES || header.magic !== 2 || header.baseOffset < nextOffset) {
      reason = `invalid batch header at ${pos}`;
      break;
    }
    if (verifyCrc ? !ensure(pos, header.size) : pos + header.size > fileSize) {
      reason = 'partial batch';
      break;
    }
    if (verifyCrc && !batchCrcMatches(buf, pos - bufStart, header.size)) {
      reason = `CRC mismatch at ${pos}`;
      break;
    }
    batches.push({ header, position: pos });
    nextOffset = header.baseOffset + header.lastOffsetDelta + 1;
    pos += header.size;
  }
  const truncatedBytes = fileSize - pos;
  if (truncatedBytes > 0) ftruncateSync(fd, pos);
  return { batches, truncatedBytes, reason };
}
