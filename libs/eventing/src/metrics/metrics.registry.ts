// A tiny Prometheus registry (text format 0.0.4): enough for eventing's lag and throughput figures,
// so that the platform's /metrics can render it without another dependency.

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

/** A counter or gauge with label sets; counters only go up. */
export class Metric {
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly kind: 'counter' | 'gauge',
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    if (this.kind === 'counter' && by < 0) throw new Error(`counter ${this.name} cannot go down`);
    const s = this.entry(labels);
    s.value += by;
  }

  set(labels: Labels, value: number): void {
    if (this.kind !== 'gauge') throw new Error(`${this.name} is a counter: use inc`);
    this.entry(labels).value = value;
  }

  get(labels: Labels = {}): number {
    return this.series.get(key(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.kind}`];
    for (const s of this.series.values()) lines.push(`${this.name}${formatLabels(s.labels)} ${s.value}`);
    return lines.join('\n');
  }

  private entry(labels: Labels): Series {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { labels: { ...labels }, value: 0 }));
    return s;
  }
}

/** Holds a process's metrics; `render()` is the body of GET /metrics. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string): Metric {
    return this.metric(name, help, 'counter');
  }

  gauge(name: string, help: string): Metric {
    return this.metric(name, help, 'gauge');
  }

  render(): string {
    return [...this.metrics.values()].map((m) => m.render()).join('\n') + '\n';
  }

  private metric(name: string, help: string, kind: Metric['kind']): Metric {
    const existing = this.metrics.get(name);
    if (existing) {
      if (existing.kind !== kind) throw new Error(`metric ${name} already registered as a ${existing.kind}`);
      return existing;
    }
    const metric = new Metric(name, help, kind);
    this.metrics.set(name, metric);
    return metric;
  }
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
