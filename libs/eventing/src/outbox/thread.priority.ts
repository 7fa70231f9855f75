import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { PlatformLogger } from '@cfc/platform/kafka';

/**
 * Raises the calling thread's niceness (lowers its CPU priority) on Linux, where setpriority() on a
 * thread id affects that thread alone. Elsewhere the same call would reach the whole process, so it
 * does nothing. Raising niceness needs no privilege.
 */
export function lowerThisThreadsPriority(niceness: number, logger: PlatformLogger): void {
  const threadId = linuxThreadId();
  if (threadId === undefined || niceness <= 0) return;
  try {
    setPriority(threadId, Math.min(19, niceness));
  } catch (error) {
    logger.warn({ err: error }, 'could not lower the relay thread priority; running at the process priority');
  }
}

/** The calling thread's Linux thread id, or undefined on other systems. */
export function linuxThreadId(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return undefined;
  }
}
