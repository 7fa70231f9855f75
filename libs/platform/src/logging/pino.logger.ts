import pino, { type Logger } from 'pino';
import { currentCorrelationId } from './correlation.context';
import { redactDeep } from './log.redactor';

/**
 * Fields that may hold secrets or personal ID numbers in pino-http's request/response bindings. The object of each
 * log call is additionally walked by redactDeep (log.redactor.ts), which censors SENSITIVE_KEYS at any depth.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.clientSecret',
  '*.client_secret',
  '*.privateKeyPem',
  '*.legalRepIdNumber',
  '*.idNumber',
  '*.token',
  '*.access_token',
];

/** The service's root JSON logger: one line per event on stdout, tagged with the service name. */
export function createRootLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (object) => redactDeep(object) as Record<string, unknown> },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
