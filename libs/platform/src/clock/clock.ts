import { readFileSync, statSync } from 'node:fs';

/** Where services get the time: injected (CLOCK), so that tests and demos can move it. */
export interface Clock {
  now(): Date;
}

/** DI token of the service's Clock. */
export const CLOCK = Symbol('CLOCK');

const RECHECK_MS = 100;

/**
 * The system clock, shifted by the offset (milliseconds, a decimal number) written in `offsetFile` when
 * one is configured (CFC_CLOCK_OFFSET_FILE: tests and demos only; production leaves it unset). The file is
 * re-read at most every 100 ms, so every service of a test stack moves together when a test writes it.
 */
export class SystemClock implements Clock {
  private offsetMs = 0;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private mtimeMs = -1;

  constructor(private readonly offsetFile?: string) {}

  now(): Date {
    if (this.offsetFile) this.refresh(this.offsetFile);
    return new Date(Date.now() + this.offsetMs);
  }

  private refresh(file: string): void {
    if (Date.now() - this.checkedAt < RECHECK_MS) return;
    this.checkedAt = Date.now();
    try {
      const { mtimeMs } = statSync(file);
      if (mtimeMs === this.mtimeMs) return;
      this.mtimeMs = mtimeMs;
      const value = Number(readFileSync(file, 'utf8').trim());
      this.offsetMs = Number.isFinite(value) ? value : 0;
    } catch {
      this.offsetMs = 0; // no file yet: no offset
    }
  }
}
