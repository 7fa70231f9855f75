import { decodeEntryBundle, encodeEntryBundle, EntryBundleCutter } from './entry-bundle';

describe('entry bundles', () => {
  it('frames each entry with a big-endian uint16 length', () => {
    const bundle = encodeEntryBundle([Buffer.from('ab'), Buffer.alloc(0), Buffer.alloc(300, 0x7a)]);
    expect(bundle.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x02, 0x61, 0x62]));
    expect(bundle.subarray(4, 6)).toEqual(Buffer.from([0x00, 0x00]));
    expect(bundle.subarray(6, 8)).toEqual(Buffer.from([0x01, 0x2c]));
    expect(bundle).toHaveLength(4 + 2 + 302);
    expect(decodeEntryBundle(bundle).map((e) => e.length)).toEqual([2, 0, 300]);
  });

  it('refuses entries too long to frame and truncated bundles', () => {
    expect(() => encodeEntryBundle([Buffer.alloc(65_536)])).toThrow(/65,535/);
    expect(() => new EntryBundleCutter().add(Buffer.alloc(65_536))).toThrow(/65,535/);
    expect(() => decodeEntryBundle(Buffer.from([0x00, 0x05, 0x61]))).toThrow(/past the end/);
    expect(() => decodeEntryBundle(Buffer.from([0x00, 0x01, 0x61, 0x00]))).toThrow(/inside a length prefix/);
  });

  it('cuts full bundles of 256 and a partial one at any size; resumes from its pending entries', () => {
    const cutter = new EntryBundleCutter();
    const full = [];
    for (let i = 0; i < 600; i++) {
      const b = cutter.add(Buffer.from(String(i)));
      if (b) full.push(b);
    }
    expect(full.map((b) => [b.index, b.width])).toEqual([[0, 256], [1, 256]]);
    expect(cutter.partialBundle()).toMatchObject({ index: 2, width: 88 });
    const pending = decodeEntryBundle(cutter.partialBundle()?.data as Buffer);
    const resumed = new EntryBundleCutter(600, pending);
    expect(resumed.partialBundle()?.data).toEqual(cutter.partialBundle()?.data);
    expect(() => new EntryBundleCutter(600, [])).toThrow(/88 in its partial bundle/);
  });
});
