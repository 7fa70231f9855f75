import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { paint } from './launcher.log';

const LEVEL_COLOURS: Record<string, number> = { fatal: 31, error: 31, warn: 33, info: 32, debug: 90, trace: 90 };
const NAME_WIDTH = 9;

/** Copies a child's output line by line, each prefixed with its name; JSON log lines are condensed unless json. */
export function pipeWithPrefix(stream: Readable, name: string, format: 'pretty' | 'json', out: NodeJS.WritableStream = process.stdout): void {
  const prefix = `${paint(name.padEnd(NAME_WIDTH), 36)} | `;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    out.write(format === 'json' ? `${line}\n` : `${prefix}${condense(line)}\n`);
  });
}

/** A pino JSON line as `HH:MM:SS LEVEL message (fields)`; anything else unchanged. */
export function condense(line: string): string {
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = String(entry.level ?? 'info');
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const parts = [time, paint(level.toUpperCase().padEnd(5), LEVEL_COLOURS[level] ?? 0), String(entry.msg ?? '')];
  if (req?.method && res?.statusCode) parts.push(`${req.method} ${req.url} ${res.statusCode} ${entry.responseTime ?? '?'}ms`);
  const err = entry.err as { message?: string } | undefined;
  if (err?.message) parts.push(`(${err.message})`);
  return parts.filter(Boolean).join(' ');
}
