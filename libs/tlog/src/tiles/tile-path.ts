// C2SP tlog-tiles (https://c2sp.org/tlog-tiles) resource names: tile/<L>/<N>[.p/<W>] and
// tile/entries/<N>[.p/<W>], N written as 3-digit path elements, all but the last prefixed with "x".

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A tile: `width` hashes of tree level 8 * level, from index 256 * index. Width 256 is a full tile. */
export interface TileId {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

function encodeIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`bad tile index ${index}`);
  const groups: string[] = [];
  let rest = index;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

function suffix(width: number): string {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) throw new RangeError(`bad tile width ${width}`);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

export function tilePath(tile: TileId): string {
  if (!Number.isInteger(tile.level) || tile.level < 0 || tile.level > 63) throw new RangeError(`bad tile level ${tile.level}`);
  return `tile/${tile.level}/${encodeIndex(tile.index)}${suffix(tile.width)}`;
}

/** The entry bundle holding entries [256 * index, 256 * index + width). */
export function entryBundlePath(index: number, width: number): string {
  return `tile/entries/${encodeIndex(index)}${suffix(width)}`;
}

export type ParsedTilePath = ({ readonly kind: 'tile' } & TileId) | { readonly kind: 'entries'; readonly index: number; readonly width: number };

const PATH = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses a tile or entry bundle path; undefined unless it is the one canonical spelling. */
export function parseTilePath(path: string): ParsedTilePath | undefined {
  const match = PATH.exec(path);
  if (!match) return undefined;
  const [, levelText, prefix, last, widthText] = match;
  const groups = [...prefix.split('/').filter(Boolean).map((g) => g.slice(1)), last];
  if (groups.length > 1 && groups[0] === '000') return undefined;
  if (groups.length > 6) return undefined;
  const index = groups.reduce((n, g) => n * 1000 + Number(g), 0);
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (widthText !== undefined && width >= TILE_WIDTH) return undefined;
  if (levelText === 'entries') return { kind: 'entries', index, width };
  const level = Number(levelText);
  return level > 63 ? undefined : { kind: 'tile', level, index, width };
}
