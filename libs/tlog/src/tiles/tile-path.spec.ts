import { entryBundlePath, parseTilePath, tilePath } from './tile-path';

describe('tlog-tiles paths', () => {
  it('writes N as 3-digit elements, x-prefixed except the last (the spec example 1234067)', () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 1, index: 0, width: 256 })).toBe('tile/1/000');
    expect(tilePath({ level: 2, index: 999, width: 17 })).toBe('tile/2/999.p/17');
    expect(tilePath({ level: 0, index: 1000, width: 1 })).toBe('tile/0/x001/000.p/1');
    expect(entryBundlePath(273, 112)).toBe('tile/entries/273.p/112');
    expect(entryBundlePath(1234067, 256)).toBe('tile/entries/x001/x234/067');
  });

  it('parses what it writes, and nothing but the canonical spelling', () => {
    for (const tile of [{ level: 0, index: 0, width: 256 }, { level: 5, index: 1234067, width: 3 }, { level: 63, index: 10 ** 15, width: 255 }]) {
      expect(parseTilePath(tilePath(tile))).toEqual({ kind: 'tile', ...tile });
    }
    expect(parseTilePath('tile/entries/x001/000.p/9')).toEqual({ kind: 'entries', index: 1000, width: 9 });
    for (const bad of ['tile/0/1', 'tile/0/0001', 'tile/00/000', 'tile/64/000', 'tile/0/x000/001', 'tile/0/001/002', 'tile/0/000.p/0', 'tile/0/000.p/256', 'tile/0/000.p/07', 'tile/0/x1/000', 'tiles/0/000', 'tile/0/000/']) {
      expect(parseTilePath(bad)).toBeUndefined();
    }
  });

  it('refuses to name tiles that cannot exist', () => {
    expect(() => tilePath({ level: 64, index: 0, width: 1 })).toThrow(/level/);
    expect(() => tilePath({ level: 0, index: -1, width: 1 })).toThrow(/index/);
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow(/width/);
    expect(() => entryBundlePath(0, 257)).toThrow(/width/);
  });
});
