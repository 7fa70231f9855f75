import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import es6 from '../testdata/jcs/es6-numbers.json';
import { canonicalJson, canonicalJsonBytes, readCanonicalJson } from './jcs';

const testdata = (name: string): Buffer => readFileSync(join(__dirname, '../testdata/jcs', name));

/** The RFC 8785 authors' ES6 number sequence (testdata/README.md of cyberphone/json-canonicalization). */
function* es6NumberSequence(): Generator<number> {
  const statics = new Float64Array(new BigUint64Array(es6.staticU64sHex.map((h) => BigInt(`0x${h}`))).buffer);
  yield* statics;
  const serial = new BigUint64Array(2000).map((_, i) => 0x0010000000000000n + BigInt(i));
  yield* new Float64Array(serial.buffer);
  let block = Buffer.alloc(32);
  for (;;) {
    block = createHash('sha256').update(block).digest();
    for (const f of new Float64Array(new Uint8Array(block).buffer)) if (f !== 0 && Number.isFinite(f)) yield f;
  }
}

describe('JCS (RFC 8785)', () => {
  it.each(['arrays', 'french', 'structures', 'unicode', 'values', 'weird'])('canonicalizes the RFC authors\' %s sample', (name) => {
    const input = testdata(`${name}.input.json`);
    const output = testdata(`${name}.output.json`);
    expect(canonicalJsonBytes(JSON.parse(input.toString('utf8')))).toEqual(output);
    expect(readCanonicalJson(input)).toMatchObject({ kind: 'not-canonical', canonical: output.toString('utf8') });
    expect(readCanonicalJson(output).kind).toBe('canonical');
  });

  it('serializes numbers as ES6 does: the first 10,000 values of the published sequence hash as published', () => {
    const lines = createHash('sha256');
    const sequence = es6NumberSequence();
    for (let i = 0; i < 10_000; i++) {
      const f = sequence.next().value as number;
      const bits = new BigUint64Array(new Float64Array([f]).buffer)[0];
      lines.update(`${bits.toString(16)},${canonicalJson(f)}\n`);
    }
    expect(lines.digest('hex')).toBe(es6.firstLinesSha256['10000']);
  });

  it('sorts keys by UTF-16 code units, not by locale or code point, and integer-like keys as strings', () => {
    expect(canonicalJson({ '\u{1F602}': 1, '\uFB33': 2, b: 3, a: 4 })).toBe('{"a":4,"b":3,"\u{1F602}":1,"\uFB33":2}');
    expect(canonicalJson({ 9: 'nine', 10: 'ten', a: 'a' })).toBe('{"10":"ten","9":"nine","a":"a"}');
    expect(readCanonicalJson(Buffer.from('{"10":"ten","9":"nine"}')).kind).toBe('canonical');
  });

  it('refuses what JSON cannot hold instead of writing something', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/Non-finite/);
    expect(() => canonicalJson(10n)).toThrow(/BigInt/);
  });

  it('tells canonical bytes from look-alikes, naming what the canonical form would be', () => {
    const cases: [string, string][] = [
      ['{"a":1} ', '{"a":1}'],
      ['{"b":1,"a":2}', '{"a":2,"b":1}'],
      ['{"a":1,"a":2}', '{"a":2}'],
      ['-0', '0'],
      ['1.0', '1'],
      ['1E2', '100'],
      ['"\\u0041"', '"A"'],
      ['"\\/"', '"/"'],
      ['{"x":[1,{"d":1,"c":2}]}', '{"x":[1,{"c":2,"d":1}]}'],
    ];
    for (const [text, canonical] of cases) {
      expect(readCanonicalJson(Buffer.from(text))).toMatchObject({ kind: 'not-canonical', canonical });
    }
  });

  it('reports bytes that are not JSON, not UTF-8, or not I-JSON', () => {
    expect(readCanonicalJson(Buffer.from('{"a":'))).toMatchObject({ kind: 'not-json' });
    expect(readCanonicalJson(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toEqual({ kind: 'not-json', reason: 'not valid UTF-8' });
    expect(readCanonicalJson(Buffer.from('\uFEFF{"a":1}'))).toMatchObject({ kind: 'not-json' });
    expect(readCanonicalJson(Buffer.from('[1e400]'))).toMatchObject({ kind: 'not-json', reason: expect.stringMatching(/^not I-JSON/) });
  });

  it('agrees with the library on random nested values, canonical or shuffled', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keys = ['a', 'b', 'é', 'Z', '10', '9', '', '\u{1F602}', 'ab', '__proto__'];
    const make = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return [1.5e-7, -0, 'x\n"', null, true, 2 ** 60, 'ü€'][Math.floor(random() * 7)];
      if (r < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => make(depth + 1));
      const obj: Record<string, unknown> = {};
      for (const k of keys) if (random() < 0.4) Object.defineProperty(obj, k, { value: make(depth + 1), enumerable: true, writable: true, configurable: true });
      return obj;
    };
    for (let i = 0; i < 500; i++) {
      const value = make(0);
      const canonical = canonicalJson(value);
      expect(readCanonicalJson(Buffer.from(canonical)).kind).toBe('canonical');
      const pretty = JSON.stringify(value, null, 1);
      if (pretty !== canonical) expect(readCanonicalJson(Buffer.from(pretty))).toMatchObject({ kind: 'not-canonical', canonical });
    }
  });
});
