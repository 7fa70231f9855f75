import type { SqlDatabase } from '@cfc/eventing';
import { percentile } from './percentile';

/**
 * Watches one named statement through a database: how often it ran, how many rows it returned
 * (for the group commit's append statement: appends per commit) and how long it took.
 */
export function watchStatement(db: SqlDatabase, name: string): { db: SqlDatabase; summary(): string } {
  const millis: number[] = [];
  let rows = 0;
  return {
    db: {
      ...db,
      async query<Row>(text: string, params?: readonly unknown[], prepareAs?: string) {
        const started = process.hrtime.bigint();
        const result = await db.query<Row>(text, params, prepareAs);
        if (prepareAs === name) {
          millis.push(Number(process.hrtime.bigint() - started) / 1e6);
          rows += result.rows.length;
        }
        return result;
      },
    },
    summary: () =>
      `${millis.length} statements, ${(rows / Math.max(1, millis.length)).toFixed(1)} rows each, ` +
      `round trip p50 ${percentile(millis, 50).toFixed(2)} ms, p90 ${percentile(millis, 90).toFixed(2)} ms, p99 ${percentile(millis, 99).toFixed(2)} ms`,
  };
}
