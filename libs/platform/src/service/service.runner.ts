import { ConfigError } from '../config';
import { createRootLogger } from '../logging/pino.logger';
import { ReadinessRegistry } from '../health/readiness.registry';
import { createServiceApp, type ServiceApp } from './service.app';
import type { ServiceDefinition } from './service.definition';

/** Exit code for a configuration error (sysexits EX_CONFIG): the launcher does not restart on it. */
export const EXIT_CONFIG = 78;

/** A service's whole main.ts: validate config, boot, listen, and shut down gracefully on SIGTERM/SIGINT. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  let service: ServiceApp;
  try {
    service = await createServiceApp(definition);
  } catch (error) {
    fail(definition.name, error);
    return;
  }
  const { app, config, logger } = service;
  installShutdown(service, config.SHUTDOWN_TIMEOUT_MS);
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${config.PORT} is already in use (set PORT)` : (error as Error).message;
    logger.fatal({ err: error }, `cannot listen on ${config.HOST}:${config.PORT}: ${why}`);
    await app.close().catch(() => undefined);
    process.exit(1);
  }
  const address = app.getHttpServer().address() as { port: number };
  logger.info({ port: address.port, host: config.HOST }, `${definition.name} listening on http://${config.HOST}:${address.port}`);
}

function fail(name: string, error: unknown): never {
  const logger = createRootLogger(name, 'info');
  if (error instanceof ConfigError) {
    logger.fatal({ problems: error.problems }, `${name} cannot start: ${error.message}`);
    process.exit(EXIT_CONFIG);
  }
  logger.fatal({ err: error }, `${name} cannot start: ${(error as Error).message}`);
  process.exit(1);
}

function installShutdown({ app, logger }: ServiceApp, timeoutMs: number): void {
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: stop consuming, finish in-flight work, close pools');
    app.get(ReadinessRegistry).markStopping();
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      await app.close();
      logger.info({}, 'stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
  // Started by the launcher with an IPC channel: if the launcher dies without stopping us, stop anyway.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => void shutdown('SIGTERM'));
  }
}
