import { Logger } from '@nestjs/common';
import type { PlatformLogger } from './logger.port';

/** A PlatformLogger (what relays, consumers and projections take) that writes through Nest's Logger under `context`. */
export function nestPlatformLogger(context: string): PlatformLogger {
  const logger = new Logger(context);
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.log(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
}
