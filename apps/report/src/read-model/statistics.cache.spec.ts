import { StatisticsCache } from './statistics.cache';
import type { StoredMonth } from './statistics.repository';

const months = (n: number): StoredMonth[] => [{ subject: 'S', month: { period: '2026-10', revision: n, inflow: { amount: n, count: 1 }, outflow: { amount: 0, count: 0 }, balance: { end: 0, averageDaily: 0, min: 0, max: 0 } } }];

describe('StatisticsCache', () => {
  it('hits only at the version it was filled at', () => {
    const cache = new StatisticsCache(10);
    cache.set('b', '3', months(3));
    expect(cache.get('b', '3')).toEqual(months(3));
    expect(cache.get('b', '4')).toBeUndefined();
    expect(cache.get('other', '3')).toBeUndefined();
  });

  it('drops the least recently used binding when full', () => {
    const cache = new StatisticsCache(2);
    cache.set('a', '1', months(1));
    cache.set('b', '1', months(1));
    cache.get('a', '1'); // a is now the most recent
    cache.set('c', '1', months(1));
    expect(cache.size).toBe(2);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')).toBeDefined();
    expect(cache.get('c', '1')).toBeDefined();
  });

  it('keeps nothing with capacity 0', () => {
    const cache = new StatisticsCache(0);
    cache.set('a', '1', months(1));
    expect(cache.get('a', '1')).toBeUndefined();
  });
});
