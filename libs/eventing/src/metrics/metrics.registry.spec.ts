import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('renders counters and gauges in Prometheus text format with escaped labels', () => {
    const registry = new MetricsRegistry();
    registry.counter('cfc_published_total', 'Published events').inc({ topic: 'cfc.x.events.v1' }, 3);
    registry.gauge('cfc_lag_seconds', 'Lag').set({ topic: 'a"b' }, 0.25);
    expect(registry.render()).toBe(
      '# HELP cfc_published_total Published events\n# TYPE cfc_published_total counter\ncfc_published_total{topic="cfc.x.events.v1"} 3\n' +
        '# HELP cfc_lag_seconds Lag\n# TYPE cfc_lag_seconds gauge\ncfc_lag_seconds{topic="a\\"b"} 0.25\n',
    );
  });

  it('keeps one metric per name and refuses misuse', () => {
    const registry = new MetricsRegistry();
    const c = registry.counter('c_total', 'c');
    expect(registry.counter('c_total', 'c')).toBe(c);
    expect(() => registry.gauge('c_total', 'c')).toThrow();
    expect(() => c.inc({}, -1)).toThrow();
    expect(() => c.set({}, 1)).toThrow();
  });
});
