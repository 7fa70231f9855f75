import { CodecError } from './codec.error';
import { Reader } from './reader';
import { Writer } from './writer';

describe('Reader and Writer', () => {
  it('round-trip every primitive', () => {
    const w = new Writer(8)
      .int8(-3)
      .int16(-300)
      .int32(-70000)
      .int64(2 ** 40 + 7)
      .varint(-64)
      .varlong(-(2 ** 40))
      .unsignedVarint(300)
      .string('héllo')
      .nullableString(null)
      .compactString('abc')
      .compactNullableString(null)
      .nullableBytes(Buffer.from([1, 2]))
      .compactNullableBytes(Buffer.alloc(2000, 9))
      .array([1, 2, 3], (w, v) => w.int32(v))
      .compactArray(['x'], (w, v) => w.compactString(v));
    const r = new Reader(w.toBuffer());
    expect([r.int8(), r.int16(), r.int32(), r.int64(), r.varint(), r.varlong(), r.unsignedVarint()]).toEqual([
      -3, -300, -70000, 2 ** 40 + 7, -64, -(2 ** 40), 300,
    ]);
    expect([r.string(), r.nullableString(), r.compactString(), r.compactNullableString()]).toEqual(['héllo', null, 'abc', null]);
    expect([...r.bytes()]).toEqual([1, 2]);
    expect(r.compactBytes().equals(Buffer.alloc(2000, 9))).toBe(true);
    expect(r.array((r) => r.int32())).toEqual([1, 2, 3]);
    expect(r.compactArray((r) => r.compactString())).toEqual(['x']);
    expect(r.remaining()).toBe(0);
  });

  it('decodes zig-zag varints as the Kafka guide encodes them', () => {
    expect(new Reader(Buffer.from([0x01])).varint()).toBe(-1);
    expect(new Reader(Buffer.from([0x02])).varint()).toBe(1);
    expect(new Reader(Buffer.from([0xac, 0x02])).unsignedVarint()).toBe(300);
    expect(new Writer().varint(-1).toBuffer()).toEqual(Buffer.from([0x01]));
  });

  it('refuses to read past the end of a truncated frame', () => {
    expect(() => new Reader(Buffer.from([0, 5, 0x61])).string()).toThrow(CodecError);
    expect(() => new Reader(Buffer.from([0, 0, 0])).int32()).toThrow(CodecError);
  });

  it('refuses array counts larger than the bytes left, before allocating', () => {
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff, 0])).array((r) => r.int8())).toThrow(/exceeds/);
  });

  it('rejects over-long varints', () => {
    expect(() => new Reader(Buffer.alloc(6, 0xff)).unsignedVarint()).toThrow(CodecError);
  });
});
