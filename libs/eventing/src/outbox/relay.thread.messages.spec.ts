import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { applyMetrics, ForwardingMetrics, type RelayThreadMessage } from './relay.thread.messages';

// A MessagePort delivers in order: once a message posted last has arrived, everything posted before it
// has too. That end marker (a 'stopped' message) replaces waiting a while and hoping.
function receiver(port: MessagePort) {
  const received: RelayThreadMessage[] = [];
  let waiting: { until: (m: RelayThreadMessage[]) => boolean; resolve: () => void } | undefined;
  port.on('message', (m: RelayThreadMessage) => {
    received.push(m);
    if (waiting?.until(received)) waiting.resolve();
  });
  const when = (until: (m: RelayThreadMessage[]) => boolean) =>
    until(received) ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { until, resolve }));
  return {
    /** What arrived before the end marker posted now on `sender`. */
    async upToEndMarker(sender: MessagePort): Promise<RelayThreadMessage[]> {
      sender.postMessage({ kind: 'stopped' } satisfies RelayThreadMessage);
      await when((m) => m.some((x) => x.kind === 'stopped'));
      return received.slice(0, received.findIndex((x) => x.kind === 'stopped'));
    },
    firstMetrics: () => when((m) => m.some((x) => x.kind === 'metrics')),
  };
}

describe('metrics forwarded from a relay thread', () => {
  it('gathers updates into one message: counters summed, gauges at their latest value', async () => {
    const { port1, port2 } = new MessageChannel();
    const inbox = receiver(port2);
    const forwarding = new ForwardingMetrics(port1, 20);
    const published = forwarding.counter('published_total', 'published');
    const lag = forwarding.gauge('lag_seconds', 'lag');
    published.inc({ topic: 'a' }, 3);
    published.inc({ topic: 'a' }, 4);
    published.inc({ topic: 'b' });
    lag.set({ topic: 'a' }, 0.5);
    lag.set({ topic: 'a' }, 0);
    await inbox.firstMetrics(); // the interval's one message
    const received = await inbox.upToEndMarker(port1);
    expect(received.map((m) => m.kind)).toEqual(['metrics']);

    const parent = new MetricsRegistry();
    for (const m of received) if (m.kind === 'metrics') applyMetrics(parent, m.updates);
    expect(parent.counter('published_total', '').get({ topic: 'a' })).toBe(7);
    expect(parent.counter('published_total', '').get({ topic: 'b' })).toBe(1);
    expect(parent.gauge('lag_seconds', '').get({ topic: 'a' })).toBe(0);
    port1.close();
  });

  it('sends what has gathered at once on flush, and nothing when there is nothing', async () => {
    const { port1, port2 } = new MessageChannel();
    const inbox = receiver(port2);
    const forwarding = new ForwardingMetrics(port1, 60_000);
    forwarding.counter('batches_total', 'batches').inc({ topic: 'a' });
    forwarding.flush();
    forwarding.flush();
    expect(await inbox.upToEndMarker(port1)).toEqual([{ kind: 'metrics', updates: [{ type: 'counter', name: 'batches_total', help: 'batches', labels: { topic: 'a' }, value: 1 }] }]);
    port1.close();
  });
});
