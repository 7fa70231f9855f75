import type { MessagePort } from 'node:worker_threads';
import type { KafkaSasl, PlatformLogger } from '@cfc/platform/kafka';
import { Metric, MetricsRegistry } from '../metrics/metrics.registry';

// What a relay thread tells the thread that started it. Plain data only: it crosses postMessage.

/** Settings a relay thread starts from (structured-cloneable). */
export interface RelayWorkerData {
  databaseUrl: string;
  brokers: string[];
  sasl?: KafkaSasl;
  topic: string;
  clientId: string;
  applicationName: string;
  batchSize?: number;
  idleMs?: number;
  standbyMs?: number;
  niceness: number;
}

export type RelayThreadMessage =
  | { kind: 'ready'; threadId?: number }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' }
  | { kind: 'log'; level: keyof PlatformLogger; fields: Record<string, unknown>; message?: string }
  | { kind: 'metrics'; updates: MetricUpdate[] };

/** A counter's increase or a gauge's latest value since the previous message. */
export interface MetricUpdate {
  type: Metric['kind'];
  name: string;
  help: string;
  labels: Record<string, string>;
  value: number;
}

/** A logger whose lines go to the parent thread's logger; errors travel as name, message and stack. */
export function forwardingLogger(port: MessagePort): PlatformLogger {
  const send = (level: keyof PlatformLogger) => (obj: object, message?: string) => {
    const fields = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v instanceof Error ? { type: v.name, message: v.message, stack: v.stack } : v]));
    try {
      port.postMessage({ kind: 'log', level, fields, message } satisfies RelayThreadMessage);
    } catch {
      port.postMessage({ kind: 'log', level, fields: {}, message } satisfies RelayThreadMessage); // fields that cannot be cloned are dropped
    }
  };
  return { debug: send('debug'), info: send('info'), warn: send('warn'), error: send('error') };
}

/**
 * A registry whose counter increments and gauge settings are replayed on the parent thread's registry,
 * gathered for `intervalMs` into one message: a message per update would wake the parent's event loop,
 * where commands wait for their commits, several times per relayed batch.
 */
export class ForwardingMetrics extends MetricsRegistry {
  private readonly forwarded = new Map<string, Metric>();
  private readonly pending = new Map<string, MetricUpdate>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly port: MessagePort,
    private readonly intervalMs = 200,
  ) {
    super();
  }

  override counter(name: string, help: string): Metric {
    return this.forward(name, help, 'counter');
  }

  override gauge(name: string, help: string): Metric {
    return this.forward(name, help, 'gauge');
  }

  /** Sends what has gathered now (before the thread stops). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    this.port.postMessage({ kind: 'metrics', updates: [...this.pending.values()] } satisfies RelayThreadMessage);
    this.pending.clear();
  }

  private forward(name: string, help: string, type: Metric['kind']): Metric {
    let metric = this.forwarded.get(name);
    if (!metric) {
      const note = (labels: Record<string, string>, value: number) => this.note({ type, name, help, labels, value });
      metric = new (class extends Metric {
        override inc(labels: Record<string, string> = {}, by = 1): void {
          super.inc(labels, by);
          note(labels, by);
        }
        override set(labels: Record<string, string>, value: number): void {
          super.set(labels, value);
          note(labels, value);
        }
      })(name, help, type);
      this.forwarded.set(name, metric);
    }
    return metric;
  }

  private note(update: MetricUpdate): void {
    const key = `${update.name}${JSON.stringify(update.labels)}`;
    const gathered = this.pending.get(key);
    if (gathered && update.type === 'counter') gathered.value += update.value;
    else this.pending.set(key, { ...update, labels: { ...update.labels } });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs).unref();
  }
}

/** Applies forwarded metric updates to the parent's registry. */
export function applyMetrics(registry: MetricsRegistry, updates: MetricUpdate[]): void {
  for (const m of updates) {
    if (m.type === 'counter') registry.counter(m.name, m.help).inc(m.labels, m.value);
    else registry.gauge(m.name, m.help).set(m.labels, m.value);
  }
}
