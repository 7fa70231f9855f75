import { join, relative } from 'node:path';
import type { LaunchPlan } from './launcher.config';
import { paint, say } from './launcher.log';
import { SERVICES } from './services.catalog';

/** The few lines a newcomer needs once everything is ready. */
export function printBanner(plan: LaunchPlan, brokers: string, seconds: number): void {
  const rel = (p: string) => {
    const r = relative(process.cwd(), p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const internal = SERVICES.filter((s) => s !== 'gateway').map((s) => `${s} :${plan.ports[s]}`).join(', ');
  const lines = [
    paint(`CFC is ready (${seconds.toFixed(1)} s): all ${SERVICES.length} services answer /readyz`, 1),
    `  gateway           http://${plan.host}:${plan.ports.gateway}   (OpenAPI at /docs)`,
    `  Kafka brokers     ${brokers}${plan.externalKafkaBrokers ? '' : `   (embedded, data in ${rel(join(plan.dataDir, 'kafka'))})`}`,
    `  PostgreSQL        ${plan.externalDatabaseUrl ? 'from DATABASE_URL' : `${plan.host}:${plan.pgPort}   (embedded, data in ${rel(join(plan.dataDir, 'pg'))})`}`,
    `  internal services ${internal}`,
    `  demo credentials  ${rel(join(plan.dataDir, 'demo.json'))}`,
    '  Ctrl-C stops everything; `npm run reset` wipes the data.',
  ];
  for (const line of lines) say(line);
}
