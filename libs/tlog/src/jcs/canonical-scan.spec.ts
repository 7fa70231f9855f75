import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanCanonical } from './canonical-scan';
import { canonicalJson, readCanonicalJson } from './jcs';

const scan = (text: string) => scanCanonical(Buffer.from(text, 'utf8'));

describe('scanCanonical (the fast JCS check)', () => {
  it.each(['arrays', 'french', 'structures', 'unicode', 'values', 'weird'])('accepts the RFC authors\' %s output and rejects its input', (name) => {
    const dir = join(__dirname, '../testdata/jcs');
    expect(scanCanonical(readFileSync(join(dir, `${name}.output.json`)))).toBeDefined();
    expect(scanCanonical(readFileSync(join(dir, `${name}.input.json`)))).toBeUndefined();
  });

  it('finds the top-level seq, and only that one', () => {
    expect(scan('{"data":{"seq":7},"seq":42}')).toEqual({ seq: 42 });
    expect(scan('{"a":1}')).toEqual({ seq: undefined });
    expect(scan('[{"seq":1}]')).toEqual({ seq: undefined });
    expect(scan('{"seq":1.5}')).toEqual({ seq: 1.5 });
    expect(scan('{"seq":true}')).toEqual({ seq: undefined });
    expect(scan('{"seq":"7"}')).toEqual({ seq: undefined });
  });

  it('rejects every non-canonical spelling', () => {
    const bad = [
      '{"a":1} ', ' {"a":1}', '{"a": 1}', '{"b":1,"a":2}', '{"a":1,"a":1}', '-0', '1.0', '1E2', '1e2', '01', '.5', '+1', '1e400',
      '"\\u0041"', '"\\/"', '"\\u000A"', '"\\u000a"', '"\\ud83d\\ude02"', '"\\u001F"', '[1,]', '{"a":1,}', '{"a"}', 'tru', 'nul', '"open',
      '{"a":1}{"b":2}', '', '[1 ,2]', '"\t"', '{"\u00e9":1,"z":2}',
    ];
    for (const text of bad) {
      expect([text, scan(text)]).toEqual([text, undefined]);
      expect([text, readCanonicalJson(Buffer.from(text)).kind]).not.toEqual([text, 'canonical']);
    }
  });

  it('accepts what JCS writes for control characters, quotes and backslashes', () => {
    for (const value of ['\u0000\u0001\u001f', '\b\f\n\r\t', '"\\', 'é€😂\u2028', { '': 1, '\n': 2, é: 3, '😂': 4, '\ufb33': 5 }]) {
      expect(scan(canonicalJson(value))).toBeDefined();
    }
  });

  it('never calls canonical what the library does not, on random values and their mutations', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms = [0, -1, 1.5e-7, 1e21, 123456789.123, 2 ** 53, 'plain', 'tab\there', 'q"b\\', '\u0007', '€😂', null, true, false];
    const keys = ['a', 'b', 'seq', 'é', 'Z', '10', '9', '', '😂', '\ufb33', 'a\nb'];
    const make = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.35) return atoms[Math.floor(random() * atoms.length)];
      if (r < 0.55) return Array.from({ length: Math.floor(random() * 4) }, () => make(depth + 1));
      return Object.fromEntries(keys.filter(() => random() < 0.35).map((k) => [k, make(depth + 1)]));
    };
    const mutate = (text: string): string => {
      const i = Math.floor(random() * (text.length + 1));
      const insert = [' ', ',', '0', '"', '\\', 'e', '}', ']', '.', '-'][Math.floor(random() * 10)];
      return random() < 0.5 ? text.slice(0, i) + insert + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
    };
    let agreedCanonical = 0;
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const canonical = canonicalJson(make(0));
      expect(scan(canonical)).toBeDefined();
      const mutated = mutate(canonical);
      if (scan(mutated) !== undefined) {
        expect([mutated, readCanonicalJson(Buffer.from(mutated)).kind]).toEqual([mutated, 'canonical']);
        agreedCanonical++;
      } else rejected++;
    }
    // Both verdicts were exercised: mutations that stay canonical (inside strings) and ones that do not.
    expect(agreedCanonical).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(1000);
  });
});
