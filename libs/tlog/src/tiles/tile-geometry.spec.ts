import { tilePath } from './tile-path';
import { tilesBetween, tilesForTreeSize } from './tile-geometry';

describe('tile geometry', () => {
  it('represents a tree of 70,000 as the spec says', () => {
    const tiles = tilesForTreeSize(70_000);
    expect(tiles.filter((t) => t.level === 0 && t.width === 256)).toHaveLength(273);
    expect(tiles.filter((t) => t.width < 256).map(tilePath)).toEqual(['tile/0/273.p/112', 'tile/1/001.p/17', 'tile/2/000.p/1']);
    expect(tiles.filter((t) => t.level === 1 && t.width === 256).map(tilePath)).toEqual(['tile/1/000']);
    expect(tiles).toHaveLength(273 + 1 + 1 + 1 + 1);
  });

  it('represents a tree of 256 as a full level-0 tile and a partial level-1 tile of width 1', () => {
    expect(tilesForTreeSize(256).map(tilePath)).toEqual(['tile/0/000', 'tile/1/000.p/1']);
    expect(tilesForTreeSize(0)).toEqual([]);
  });

  it('lists only the tiles a checkpoint adds', () => {
    expect(tilesBetween(250, 260).map(tilePath)).toEqual(['tile/0/000', 'tile/0/001.p/4', 'tile/1/000.p/1']);
    expect(tilesBetween(260, 261).map(tilePath)).toEqual(['tile/0/001.p/5']);
    expect(tilesBetween(261, 261)).toEqual([]);
    expect(tilesBetween(511, 512).map(tilePath)).toEqual(['tile/0/001', 'tile/1/000.p/2']);
    expect(() => tilesBetween(3, 2)).toThrow(/below/);
  });
});
