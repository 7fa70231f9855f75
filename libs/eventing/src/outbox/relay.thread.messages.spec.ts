import { MessageChannel } from 'node:worker_threads';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { applyMetrics, ForwardingMetrics, type RelayThreadMessage } from './relay.thread.messages';

describe('metrics forwarded from a relay thread', () => {
  it('gathers updates into one message: counters summed, gauges at their latest value', async () => {
    const { port1, port2 } = new MessageChannel();
    const received: RelayThreadMessage[] = [];
    port2.on('message', (m: RelayThreadMessage) => received.push(m));
    const forwarding = new ForwardingMetrics(port1, 20);
    const published = forwarding.counter('published_total', 'published');
    const lag = forwarding.gauge('lag_seconds', 'lag');
    published.inc({ topic: 'a' }, 3);
    published.inc({ topic: 'a' }, 4);
    published.inc({ topic: 'b' });
    lag.set({ topic: 'a' }, 0.5);
    lag.set({ topic: 'a' }, 0);
    await new Promise((r) => setTimeout(r, 80));
    expect(received).toHaveLength(1);

    const parent = new MetricsRegistry();
    for (const m of received) if (m.kind === 'metrics') applyMetrics(parent, m.updates);
    expect(parent.counter('published_total', '').get({ topic: 'a' })).toBe(7);
    expect(parent.counter('published_total', '').get({ topic: 'b' })).toBe(1);
    expect(parent.gauge('lag_seconds', '').get({ topic: 'a' })).toBe(0);
    port1.close();
  });

  it('sends what has gathered at once on flush, and nothing when there is nothing', async () => {
    const { port1, port2 } = new MessageChannel();
    const received: RelayThreadMessage[] = [];
    port2.on('message', (m: RelayThreadMessage) => received.push(m));
    const forwarding = new ForwardingMetrics(port1, 60_000);
    forwarding.counter('batches_total', 'batches').inc({ topic: 'a' });
    forwarding.flush();
    forwarding.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(received).toEqual([{ kind: 'metrics', updates: [{ type: 'counter', name: 'batches_total', help: 'batches', labels: { topic: 'a' }, value: 1 }] }]);
    port1.close();
  });
});
