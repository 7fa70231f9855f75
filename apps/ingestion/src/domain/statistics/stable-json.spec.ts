import { stableJson } from './stable-json';

describe('stable JSON', () => {
  it('orders keys at every level and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
    expect(stableJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
