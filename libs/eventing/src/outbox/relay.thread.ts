import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KafkaSasl, PlatformLogger } from '@cfc/platform';
import { silentLogger } from '@cfc/platform';
import type { MetricsRegistry } from '../metrics/metrics.registry';
import { applyMetrics, type RelayThreadMessage, type RelayWorkerData } from './relay.thread.messages';

export interface RelayThreadOptions {
  /** The service's database (the one holding eventing.events). */
  databaseUrl: string;
  brokers: string[];
  /** The service's own Kafka credentials (kafkaSaslFromConfig of its config); unset: no SASL. */
  sasl?: KafkaSasl;
  /** The context's event topic, from @cfc/contracts (contextEventsTopic). */
  topic: string;
  /** Kafka client id and PostgreSQL application_name of the relay. Default `cfc-relay`. */
  clientId?: string;
  batchSize?: number;
  idleMs?: number;
  standbyMs?: number;
  /**
   * Linux niceness of the relay thread (default 10; 0 keeps the process's): under CPU pressure the
   * commands of the same process win the cores and the relay catches up after, so lag grows a little
   * instead of throughput falling (measured: libs/eventing/README.md). Ignored elsewhere.
   */
  niceness?: number;
  /** Receives the relay's cfc_outbox_relay_* metrics, for the service's /metrics. */
  metrics?: MetricsRegistry;
  /** Receives the relay's log lines. */
  logger?: PlatformLogger;
}

/**
 * An OutboxRelay on its own worker thread, with its own connections: reading rows, building
 * envelopes and encoding Kafka batches never hold up the service's event loop, where commands and
 * HTTP requests wait for their commits. Measured on 2 cores, it lifts appends/s by about a third
 * (libs/eventing/README.md, "Measure").
 */
export class RelayThread {
  private worker?: Worker;
  private exited = Promise.resolve();
  private stopping = false;
  private readonly logger: PlatformLogger;
  /** The relay thread's Linux thread id (for /proc figures), once started; undefined elsewhere. */
  threadId?: number;

  private constructor(private readonly options: RelayThreadOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Starts the thread; resolves once its producer is connected and the relay loop runs. */
  static async start(options: RelayThreadOptions): Promise<RelayThread> {
    const thread = new RelayThread(options);
    await thread.spawn();
    return thread;
  }

  /** Stops after the batch in flight (checkpoint stored), then ends the thread. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  private async spawn(): Promise<void> {
    const { options, logger } = this;
    const clientId = options.clientId ?? 'cfc-relay';
    const data: RelayWorkerData = {
      databaseUrl: options.databaseUrl,
      brokers: [...options.brokers],
      sasl: options.sasl && { ...options.sasl },
      topic: options.topic,
      clientId,
      applicationName: clientId,
      batchSize: options.batchSize,
      idleMs: options.idleMs,
      standbyMs: options.standbyMs,
      niceness: options.niceness ?? 10,
    };
    const worker = new Worker(workerScript(), { workerData: data });
    this.worker = worker;
    let ready = false;
    this.exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('error', (error) => logger.error({ err: error, topic: options.topic }, 'relay thread failed'));
    // A thread that dies unasked is started again: a silent relay would strand every later event.
    void this.exited.then(() => {
      if (!ready || this.stopping) return;
      logger.error({ topic: options.topic }, 'relay thread exited; starting it again');
      this.restartAfter(1000);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (message: RelayThreadMessage) => {
          if (message.kind === 'ready') {
            this.threadId = message.threadId;
            resolve();
          }
          else if (message.kind === 'failed') reject(new Error(`relay thread for ${options.topic} failed to start: ${message.message}`));
          else if (message.kind === 'log') logger[message.level]({ ...message.fields, topic: options.topic }, message.message);
          else if (message.kind === 'metrics' && options.metrics) applyMetrics(options.metrics, message.updates);
        });
        worker.once('error', reject);
        void this.exited.then(() => reject(new Error(`relay thread for ${options.topic} exited before it was ready`)));
      });
      ready = true;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
  }

  private restartAfter(delayMs: number): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.spawn().catch((error: unknown) => {
        const next = Math.min(delayMs * 2, 30_000);
        this.logger.error({ err: error, topic: this.options.topic, retryInMs: next }, 'relay thread restart failed');
        this.restartAfter(next);
      });
    }, delayMs).unref();
  }
}

// Compiled, the worker is the .js beside this file; run from source (jest), it is the compiled copy.
function workerScript(): string {
  const beside = join(__dirname, 'relay.worker.js');
  if (existsSync(beside)) return beside;
  const compiled = join(__dirname, '..', '..', 'dist', 'outbox', 'relay.worker.js');
  if (existsSync(compiled)) return compiled;
  throw new Error(`relay worker not built: run "npm run build" (looked for ${beside} and ${compiled})`);
}
