import { StreamStateCache } from './stream-state.cache';

describe('StreamStateCache', () => {
  it('evicts the least recently used stream beyond its capacity', () => {
    const cache = new StreamStateCache<number>(2);
    cache.set('a', { version: 1, state: 1 });
    cache.set('b', { version: 1, state: 2 });
    cache.get('a');
    cache.set('c', { version: 1, state: 3 });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ version: 1, state: 1 });
    expect(cache.get('c')).toEqual({ version: 1, state: 3 });
  });

  it('keeps nothing at capacity 0', () => {
    const cache = new StreamStateCache<number>(0);
    cache.set('a', { version: 1, state: 1 });
    expect(cache.get('a')).toBeUndefined();
  });
});
