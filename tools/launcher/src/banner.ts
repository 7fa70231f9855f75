import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { EmbeddedKafkaAuth } from './kafka-auth';
import type { LaunchPlan } from './launcher.config';
import { paint, say } from './launcher.log';
import { SERVICES } from './services.catalog';
import { simulatorLine, type SimulatorStatus } from './simulator.child';

/** The few lines a newcomer needs once everything is ready. */
export function printBanner(plan: LaunchPlan, brokers: string, seconds: number, simulator: SimulatorStatus, kafkaAuth?: EmbeddedKafkaAuth): void {
  const demoFile = demoFilePath(plan, process.env);
  for (const line of bannerLines(plan, brokers, seconds, existsSync(demoFile) ? demoFile : undefined, process.cwd(), simulator, kafkaAuth?.secretsFile)) say(line);
}

/** Where identity writes the demo data set (its DEMO_DATA_PATH, else <CFC_DATA_DIR>/demo.json). */
export function demoFilePath(plan: LaunchPlan, env: NodeJS.ProcessEnv): string {
  return env.DEMO_DATA_PATH ? resolve(env.DEMO_DATA_PATH) : join(plan.dataDir, 'demo.json');
}

/**
 * The banner's text. `demoFile` is given only when the demo data set exists: with DATABASE_URL or KAFKA_BROKERS
 * the stack is not embedded and nothing is seeded (unless IDENTITY_DEMO_SEED), so pointing at the file would mislead.
 */
export function bannerLines(plan: LaunchPlan, brokers: string, seconds: number, demoFile: string | undefined, cwd: string, simulator: SimulatorStatus, kafkaSecrets?: string): string[] {
  const rel = (p: string) => {
    const r = relative(cwd, p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const internal = SERVICES.filter((s) => s !== 'gateway').map((s) => `${s} :${plan.ports[s]}`).join(', ');
  return [
    paint(`CFC is ready (${seconds.toFixed(1)} s): all ${SERVICES.length} services answer /readyz`, 1),
    `  gateway           http://${plan.host}:${plan.ports.gateway}   (OpenAPI at /docs)`,
    `  Kafka brokers     ${brokers}${plan.externalKafkaBrokers ? '' : `   (embedded, data in ${rel(join(plan.dataDir, 'kafka'))})`}`,
    ...kafkaAuthLines(plan, kafkaSecrets, rel),
    `  PostgreSQL        ${plan.externalDatabaseUrl ? 'from DATABASE_URL' : `${plan.host}:${plan.pgPort}   (embedded, data in ${rel(join(plan.dataDir, 'pg'))})`}`,
    `  internal services ${internal}`,
    demoFile
      ? `  demo credentials  ${rel(demoFile)}`
      : '  demo credentials  none: not seeded outside the embedded stack (set IDENTITY_DEMO_SEED=true to seed)',
    simulatorLine(simulator),
    '  Ctrl-C stops everything; `npm run reset` wipes the data.',
  ];
}

function kafkaAuthLines(plan: LaunchPlan, kafkaSecrets: string | undefined, rel: (p: string) => string): string[] {
  if (plan.externalKafkaBrokers) return ['  Kafka auth        as configured on your brokers (services log in with KAFKA_SASL_* from the environment)'];
  if (!plan.kafkaAuth) {
    return [
      paint(paint('  Kafka auth        OFF (CFC_KAFKA_AUTH=off): any client can read and write every topic, provider data included.', 31), 1),
      paint('                    For debugging only; unset CFC_KAFKA_AUTH to turn SASL and ACLs back on.', 31),
    ];
  }
  const secrets = kafkaSecrets ? `; admin and service logins in ${rel(kafkaSecrets)}` : '';
  return [`  Kafka auth        SASL SCRAM-SHA-256 (PLAIN too) with ACLs; providers' and regulators' logins in demo.json${secrets}`];
}
