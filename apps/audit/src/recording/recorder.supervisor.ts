import { silentLogger, type MessagingClient, type PlatformLogger } from '@cfc/platform';

interface Startable {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the recorder on those source topics that exist. Each context's relay creates its own topic (the
 * audit may only read them), and a context may start after the audit or not be deployed yet: the topic
 * list is checked every `recheckMs` and the recorder restarted on the new set. The group's committed
 * offsets carry over, so nothing is read twice or skipped.
 */
export class RecorderSupervisor {
  private current: string[] = [];
  private runner?: Startable;
  private timer?: NodeJS.Timeout;
  private checking = Promise.resolve();

  constructor(
    private readonly options: {
      client: MessagingClient;
      sources: readonly string[];
      recorder: (topics: string[]) => Startable;
      recheckMs?: number;
      logger?: PlatformLogger;
    },
  ) {}

  /** The topics recorded from now. */
  get topics(): readonly string[] {
    return this.current;
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => (this.checking = this.checking.then(() => this.check())), this.options.recheckMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await this.runner?.stop();
    this.runner = undefined;
  }

  private async check(): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    try {
      const admin = this.options.client.admin();
      await admin.connect();
      const existing = new Set(await admin.listTopics().finally(() => admin.disconnect()));
      const wanted = this.options.sources.filter((t) => existing.has(t));
      if (wanted.join() === this.current.join()) return;
      await this.runner?.stop();
      this.runner = undefined;
      this.current = wanted;
      const missing = this.options.sources.filter((t) => !existing.has(t));
      if (wanted.length > 0) {
        this.runner = this.options.recorder(wanted);
        await this.runner.start();
      }
      logger.info({ recording: wanted, waitingFor: missing }, 'audit recorder topics');
    } catch (error) {
      logger.error({ err: error }, 'audit recorder could not (re)start; trying again');
      this.current = [];
    }
  }
}
