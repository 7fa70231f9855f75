/**
 * Builds a response as a list of buffers: small fields go into a growing scratch buffer, large
 * byte blobs (record batches read from segments) are appended by reference, never copied.
 */
export class Writer {
  private readonly chunks: Buffer[] = [];
  private cur: Buffer;
  private start = 0;
  private pos = 0;
  private total = 0;

  // Below 4 KiB, Buffer.allocUnsafe slices Node's shared pool instead of allocating a fresh ArrayBuffer.
  constructor(private readonly chunkSize = 2048) {
    this.cur = Buffer.allocUnsafe(chunkSize);
  }

  private room(n: number): void {
    if (this.pos + n <= this.cur.length) return;
    this.seal();
    this.cur = Buffer.allocUnsafe(Math.max(this.chunkSize, n));
    this.start = 0;
    this.pos = 0;
  }

  private seal(): void {
    if (this.pos > this.start) this.chunks.push(this.cur.subarray(this.start, this.pos));
    this.start = this.pos;
  }

  get length(): number {
    return this.total;
  }

  int8(v: number): this {
    this.room(1);
    this.pos = this.cur.writeInt8(v, this.pos);
    this.total += 1;
    return this;
  }

  boolean(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  int16(v: number): this {
    this.room(2);
    this.pos = this.cur.writeInt16BE(v, this.pos);
    this.total += 2;
    return this;
  }

  int32(v: number): this {
    this.room(4);
    this.pos = this.cur.writeInt32BE(v, this.pos);
    this.total += 4;
    return this;
  }

  uint32(v: number): this {
    this.room(4);
    this.pos = this.cur.writeUInt32BE(v, this.pos);
    this.total += 4;
    return this;
  }

  int64(v: number | bigint): this {
    this.room(8);
    this.pos = this.cur.writeBigInt64BE(BigInt(v), this.pos);
    this.total += 8;
    return this;
  }

  unsignedVarint(v: number): this {
    this.room(5);
    const before = this.pos;
    while (v >= 0x80) {
      this.cur[this.pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.cur[this.pos++] = v;
    this.total += this.pos - before;
    return this;
  }

  varint(v: number): this {
    return this.unsignedVarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  varlong(v: number | bigint): this {
    let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
    this.room(10);
    const before = this.pos;
    while (z >= 0x80n) {
      this.cur[this.pos++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    this.cur[this.pos++] = Number(z);
    this.total += this.pos - before;
    return this;
  }

  /** Appends bytes; blobs above 1 KiB are kept by reference (the caller must not mutate them later). */
  raw(b: Buffer): this {
    if (b.length > 1024) {
      this.seal();
      this.chunks.push(b);
    } else {
      this.room(b.length);
      b.copy(this.cur, this.pos);
      this.pos += b.length;
    }
    this.total += b.length;
    return this;
  }

  string(s: string): this {
    return this.nullableString(s);
  }

  nullableString(s: string | null): this {
    if (s === null) return this.int16(-1);
    const b = Buffer.from(s, 'utf8');
    return this.int16(b.length).raw(b);
  }

  compactString(s: string): this {
    return this.compactNullableString(s);
  }

  compactNullableString(s: string | null): this {
    if (s === null) return this.unsignedVarint(0);
    const b = Buffer.from(s, 'utf8');
    return this.unsignedVarint(b.length + 1).raw(b);
  }

  bytes(b: Buffer): this {
    return this.nullableBytes(b);
  }

  nullableBytes(b: Buffer | null): this {
    if (b === null) return this.int32(-1);
    return this.int32(b.length).raw(b);
  }

  compactNullableBytes(b: Buffer | null): this {
    if (b === null) return this.unsignedVarint(0);
    return this.unsignedVarint(b.length + 1).raw(b);
  }

  array<T>(items: readonly T[], item: (w: Writer, v: T) => void): this {
    return this.nullableArray(items, item);
  }

  nullableArray<T>(items: readonly T[] | null, item: (w: Writer, v: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const v of items) item(this, v);
    return this;
  }

  compactArray<T>(items: readonly T[] | null, item: (w: Writer, v: T) => void): this {
    if (items === null) return this.unsignedVarint(0);
    this.unsignedVarint(items.length + 1);
    for (const v of items) item(this, v);
    return this;
  }

  /** An empty tagged-field section, the only kind this broker writes. */
  emptyTaggedFields(): this {
    return this.unsignedVarint(0);
  }

  /** The finished message as buffers ready for one writev. */
  buffers(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  /** The finished message as one contiguous buffer (tests, small messages). */
  toBuffer(): Buffer {
    return Buffer.concat(this.buffers(), this.total);
  }
}
