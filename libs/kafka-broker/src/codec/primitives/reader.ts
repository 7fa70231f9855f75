import { CodecError } from './codec.error';

/**
 * Cursor over one request frame. Every read checks bounds, so truncated or lying frames raise a
 * CodecError instead of reading past the end. bytes() returns views, never copies.
 */
export class Reader {
  private pos: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  remaining(): number {
    return this.end - this.pos;
  }

  private take(n: number): number {
    if (n < 0 || this.pos + n > this.end) {
      throw new CodecError(`truncated: need ${n} bytes at ${this.pos}, have ${this.end - this.pos}`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  skip(n: number): void {
    this.take(n);
  }

  /** Everything not read yet, as a view. */
  rest(): Buffer {
    return this.view(this.remaining());
  }

  int8(): number {
    return this.buf.readInt8(this.take(1));
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    return this.buf.readInt16BE(this.take(2));
  }

  int32(): number {
    return this.buf.readInt32BE(this.take(4));
  }

  uint32(): number {
    return this.buf.readUInt32BE(this.take(4));
  }

  /** Offsets and ids fit in a double (< 2^53) in practice; bigint would slow every hot path. */
  int64(): number {
    return Number(this.buf.readBigInt64BE(this.take(8)));
  }

  unsignedVarint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf[this.take(1)];
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
      if (shift > 28) throw new CodecError('varint longer than 5 bytes');
    }
  }

  /** Zig-zag signed varint. */
  varint(): number {
    const raw = this.unsignedVarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** Zig-zag signed varlong, as a number (exact below 2^53). */
  varlong(): number {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.buf[this.take(1)];
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7n;
      if (shift > 63n) throw new CodecError('varlong longer than 10 bytes');
    }
    return Number((value >> 1n) ^ -(value & 1n));
  }

  private text(length: number): string {
    const at = this.take(length);
    return this.buf.toString('utf8', at, at + length);
  }

  string(): string {
    const length = this.int16();
    if (length < 0) throw new CodecError('null where a string is required');
    return this.text(length);
  }

  nullableString(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.text(length);
  }

  compactString(): string {
    const s = this.compactNullableString();
    if (s === null) throw new CodecError('null where a compact string is required');
    return s;
  }

  compactNullableString(): string | null {
    const length = this.unsignedVarint() - 1;
    return length < 0 ? null : this.text(length);
  }

  private view(length: number): Buffer {
    const at = this.take(length);
    return this.buf.subarray(at, at + length);
  }

  bytes(): Buffer {
    const b = this.nullableBytes();
    if (b === null) throw new CodecError('null where bytes are required');
    return b;
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    return length < 0 ? null : this.view(length);
  }

  compactBytes(): Buffer {
    const b = this.compactNullableBytes();
    if (b === null) throw new CodecError('null where compact bytes are required');
    return b;
  }

  compactNullableBytes(): Buffer | null {
    const length = this.unsignedVarint() - 1;
    return length < 0 ? null : this.view(length);
  }

  private count(n: number): number {
    // Each element takes at least one byte: a larger count is a lie that would allocate unbounded memory.
    if (n > this.remaining()) throw new CodecError(`array of ${n} elements exceeds the ${this.remaining()} bytes left`);
    return n;
  }

  array<T>(item: (r: Reader) => T): T[] {
    const a = this.nullableArray(item);
    if (a === null) throw new CodecError('null where an array is required');
    return a;
  }

  nullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.int32();
    if (n < 0) return null;
    const out: T[] = new Array(this.count(n));
    for (let i = 0; i < n; i++) out[i] = item(this);
    return out;
  }

  compactArray<T>(item: (r: Reader) => T): T[] {
    const a = this.compactNullableArray(item);
    if (a === null) throw new CodecError('null where a compact array is required');
    return a;
  }

  compactNullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.unsignedVarint() - 1;
    if (n < 0) return null;
    const out: T[] = new Array(this.count(n));
    for (let i = 0; i < n; i++) out[i] = item(this);
    return out;
  }

  /** Tagged fields of flexible versions: none are understood yet, so they are skipped. */
  skipTaggedFields(): void {
    const n = this.count(this.unsignedVarint());
    for (let i = 0; i < n; i++) {
      this.unsignedVarint();
      this.take(this.unsignedVarint());
    }
  }

  uuid(): Buffer {
    return this.view(16);
  }
}
