import type { LoggerService } from '@nestjs/common';

/** Nest's start-up chatter (one line per module and route) goes to debug; everything else passes through. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Wraps the nestjs-pino logger so a service's start-up log is a few lines, not forty. */
export function quietNestLogger(inner: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest[rest.length - 1];
      if (typeof context === 'string' && CHATTY_CONTEXTS.has(context)) inner.debug?.(message, ...rest);
      else inner.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => inner.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => inner.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => inner.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => inner.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => (inner.fatal ?? inner.error).call(inner, message, ...rest),
  };
}
