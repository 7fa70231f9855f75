import { TILE_WIDTH } from './tile-path';

// tlog-tiles entry bundles: each entry as a big-endian uint16 length, then its bytes.

export const MAX_ENTRY_SIZE = 0xffff;

export function encodeEntryBundle(entries: readonly Uint8Array[]): Buffer {
  if (entries.length === 0 || entries.length > TILE_WIDTH) throw new RangeError(`a bundle holds 1 to 256 entries, got ${entries.length}`);
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    if (entry.length > MAX_ENTRY_SIZE) throw new RangeError(`entry of ${entry.length} bytes exceeds the 65,535 a bundle can frame`);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(entry.length);
    parts.push(length, entry);
  }
  return Buffer.concat(parts);
}

export function decodeEntryBundle(bundle: Uint8Array): Buffer[] {
  const bytes = Buffer.from(bundle.buffer, bundle.byteOffset, bundle.byteLength);
  const entries: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new RangeError(`bundle ends inside a length prefix at byte ${offset}`);
    const length = bytes.readUInt16BE(offset);
    if (offset + 2 + length > bytes.length) throw new RangeError(`entry ${entries.length} claims ${length} bytes past the end of the bundle`);
    entries.push(bytes.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  if (entries.length > TILE_WIDTH) throw new RangeError(`a bundle holds at most 256 entries, got ${entries.length}`);
  return entries;
}

export interface EntryBundle {
  readonly index: number;
  readonly width: number;
  readonly data: Buffer;
}

/** Groups appended entries into bundles of 256; at most 255 entries are held between full bundles. */
export class EntryBundleCutter {
  private pending: Uint8Array[];

  constructor(
    private count = 0,
    pending: readonly Uint8Array[] = [],
  ) {
    if (pending.length !== count % TILE_WIDTH) throw new RangeError(`a log of ${count} entries has ${count % TILE_WIDTH} in its partial bundle, got ${pending.length}`);
    this.pending = [...pending];
  }

  get size(): number {
    return this.count;
  }

  /** Adds the next entry; returns the bundle it completed, if any. */
  add(entry: Uint8Array): EntryBundle | undefined {
    if (entry.length > MAX_ENTRY_SIZE) throw new RangeError(`entry of ${entry.length} bytes exceeds the 65,535 a bundle can frame`);
    this.pending.push(entry);
    this.count++;
    if (this.pending.length < TILE_WIDTH) return undefined;
    const bundle = { index: this.count / TILE_WIDTH - 1, width: TILE_WIDTH, data: encodeEntryBundle(this.pending) };
    this.pending = [];
    return bundle;
  }

  /** The partial bundle at the current size, if any. */
  partialBundle(): EntryBundle | undefined {
    if (this.pending.length === 0) return undefined;
    return { index: Math.floor(this.count / TILE_WIDTH), width: this.pending.length, data: encodeEntryBundle(this.pending) };
  }
}
