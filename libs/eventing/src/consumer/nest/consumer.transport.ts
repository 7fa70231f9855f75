import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { IncomingMessage, MessagingClient, PlatformLogger, TopicSpec } from '@cfc/platform';
import { ConsumerRunner } from '../consumer.runner';
import type { MetricsRegistry } from '../../metrics/metrics.registry';
import type { SqlDatabase, SqlExecutor } from '../../sql/sql.port';
import { ConsumerContext } from './consumer.context';
import type { MessageRouter, RoutedMessage } from './message.routers';

export interface ConsumerTransportOptions {
  db: SqlDatabase;
  client: MessagingClient;
  /** Explicit group id from @cfc/contracts (also the inbox's consumer name); used as is, no suffix. */
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  /** Pattern, dedupe id and payload of each message (message.routers.ts). */
  router: MessageRouter;
  /** Created (when missing) before subscribing: the topics, and the dead-letter topic. */
  ensureTopics?: TopicSpec[];
  /** Names this transport in `@EventPattern(pattern, transportId)` when a service runs several. */
  transportId?: symbol;
  maxAttempts?: number;
  retryDelayMs?: number;
  fromBeginning?: boolean;
  metrics?: MetricsRegistry;
  logger?: PlatformLogger;
}

/**
 * Kafka consumption as Nest code: `@EventPattern('binding.confirmed')` handlers, run by ConsumerRunner.
 * Each message goes to the handler of its pattern with `@Payload()` (the routed payload) and `@Ctx()`
 * (a ConsumerContext: the transaction and the raw message); handler effects and the inbox row commit in
 * one transaction, then the offset. A message whose pattern no handler takes is skipped (committed,
 * no inbox row). Failures keep the runner's semantics: retried, then dead-lettered with a reason;
 * a PoisonMessageError at once. Connect it with libs/platform's `transports` (service definition), which
 * keeps the error a handler threw intact (Nest's RPC layer would otherwise replace it; see README).
 */
export class ConsumerTransport extends Server implements CustomTransportStrategy {
  private runner?: ConsumerRunner<RoutedMessage>;

  constructor(private readonly options: ConsumerTransportOptions) {
    super();
    if (options.transportId) this.transportId = options.transportId;
  }

  /** Starts consuming once Nest registered the handlers; `callback` reports success or the start error. */
  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Finishes the message in flight, commits, leaves the group. */
  async close(): Promise<void> {
    await this.runner?.stop();
    this.runner = undefined;
  }

  on(): never {
    throw new Error('ConsumerTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.runner as T;
  }

  /** The patterns that have a handler: what this transport does not skip. */
  patterns(): string[] {
    return [...this.messageHandlers.keys()];
  }

  private async start(): Promise<void> {
    const o = this.options;
    if (o.ensureTopics?.length) {
      const admin = o.client.admin();
      await admin.connect();
      try {
        await admin.ensureTopics(o.ensureTopics);
      } finally {
        await admin.disconnect();
      }
    }
    this.runner = new ConsumerRunner<RoutedMessage>({
      db: o.db,
      client: o.client,
      groupId: o.groupId,
      topics: o.topics,
      deadLetterTopic: o.deadLetterTopic,
      maxAttempts: o.maxAttempts,
      retryDelayMs: o.retryDelayMs,
      fromBeginning: o.fromBeginning,
      metrics: o.metrics,
      logger: o.logger,
      decode: (message) => {
        const routed = o.router(message);
        return routed && this.getHandlerByPattern(routed.pattern) ? { id: routed.id, value: routed } : undefined;
      },
      handle: (routed, tx, message) => this.dispatch(routed, tx, message),
    });
    await this.runner.start();
  }

  private async dispatch(routed: RoutedMessage, tx: SqlExecutor, message: IncomingMessage): Promise<void> {
    const handler = this.getHandlerByPattern(routed.pattern);
    if (!handler) return;
    try {
      const result: unknown = await handler(routed.data, new ConsumerContext([tx, message]));
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    } catch (error) {
      // Without the platform's pass-through filter Nest answers { status: 'error', message }: still a failure.
      throw error instanceof Error ? error : new Error(`handler for ${routed.pattern} failed: ${JSON.stringify(error)}`);
    }
  }
}
