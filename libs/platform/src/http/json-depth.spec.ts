import { jsonNestsDeeperThan, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth';

const nested = (depth: number) => Buffer.from('['.repeat(depth) + ']'.repeat(depth));

describe('JSON nesting depth', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":[1,{"c":2}]}}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":[1,{"c":2}]}}'), 3)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ text: '[[[[[[{{{{' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ text: 'say "[[[[" \\' })), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ text: '名字[[[[' })), 1)).toBe(false);
  });

  it('refuses a body of 5,000 levels with a 400 problem naming the limit', () => {
    expect(() => refuseDeepJson({}, {}, nested(5000))).toThrow(expect.objectContaining({ code: 'JSON_TOO_DEEP', detail: expect.stringContaining(String(MAX_JSON_DEPTH)) }));
    expect(() => refuseDeepJson({}, {}, nested(3))).not.toThrow();
  });
});
