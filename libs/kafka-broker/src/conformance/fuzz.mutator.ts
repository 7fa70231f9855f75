/** A small seeded PRNG (mulberry32): the same seed replays the same fuzz run. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(256);
    return b;
  }
}

export const MUTATIONS = [
  'flip-bytes',
  'truncate-framed',
  'truncate-raw',
  'absurd-length',
  'unknown-api-key',
  'unknown-version',
  'boundary-ints',
  'splice',
  'trailing-junk',
  'garbage-framed',
  'garbage-raw',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

// Mutations that break the framing end a connection at once; the others reach the decoders, so they come first.
const FRAMING = new Set<Mutation>(['absurd-length', 'truncate-raw', 'garbage-raw']);
const WEIGHTED = MUTATIONS.flatMap((m) => (FRAMING.has(m) ? [m] : [m, m, m, m]));

/** A mutation, favouring those that get past the framing into the API decoders. */
export function pickMutation(rng: Rng): Mutation {
  return rng.pick(WEIGHTED);
}

const BOUNDARY_16 = [-1, 0, 1, 0x7fff, -0x8000];
const BOUNDARY_32 = [-1, 0, 1, 0x7fffffff, -0x80000000, 0x10000, 101 * 1024 * 1024];

/** One bad frame derived from a valid one; `other` feeds splices. Bytes after the 4-byte size prefix are the request. */
export function mutate(kind: Mutation, frame: Buffer, other: Buffer, rng: Rng): Buffer {
  const body = Buffer.from(frame.subarray(4));
  switch (kind) {
    case 'flip-bytes': {
      for (let n = 1 + rng.int(8); n > 0; n--) body[rng.int(body.length)] ^= 1 + rng.int(255);
      return framed(body);
    }
    case 'truncate-framed':
      return framed(body.subarray(0, rng.int(body.length)));
    case 'truncate-raw':
      return frame.subarray(0, rng.int(frame.length));
    case 'absurd-length': {
      const out = Buffer.from(frame);
      out.writeInt32BE(rng.pick([0x7fffffff, -1, -0x80000000, 0, 101 * 1024 * 1024, body.length + 1 + rng.int(1 << 20)]));
      return out;
    }
    case 'unknown-api-key':
      body.writeInt16BE(rng.pick([-1, 5, 6, 7, 21, 23, 43, 67, 1000, 0x7fff]), 0);
      return framed(body);
    case 'unknown-version':
      body.writeInt16BE(rng.pick([-1, 12, 13, 99, 0x7fff, -0x8000]), 2);
      return framed(body);
    case 'boundary-ints': {
      for (let n = 1 + rng.int(3); n > 0 && body.length >= 4; n--) {
        const at = 8 + rng.int(Math.max(body.length - 11, 1));
        if (at + 4 > body.length) continue;
        if (rng.int(2) === 0) body.writeInt16BE(rng.pick(BOUNDARY_16), at);
        else body.writeInt32BE(rng.pick(BOUNDARY_32), at);
      }
      return framed(body);
    }
    case 'splice': {
      const cut = rng.int(body.length);
      const tail = other.subarray(4 + rng.int(Math.max(other.length - 4, 1)));
      return framed(Buffer.concat([body.subarray(0, cut), tail]));
    }
    case 'trailing-junk':
      return framed(Buffer.concat([body, rng.bytes(1 + rng.int(64))]));
    case 'garbage-framed':
      return framed(rng.bytes(rng.int(256)));
    case 'garbage-raw':
      return rng.bytes(1 + rng.int(512));
    default: {
      const never: never = kind;
      throw new Error(`unknown mutation ${String(never)}`);
    }
  }
}

function framed(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}
