import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchPlan } from './launcher.config';
import { paint, say } from './launcher.log';
import { ServiceSupervisor } from './service.supervisor';

/** Whether the provider simulator runs, and for whom or why not: the banner says it. */
export type SimulatorStatus = { on: true; providers: string[] } | { on: false; why: 'switched-off' | 'no-demo-data' };

/**
 * Starts the provider simulator (tools/provider-simulator) as a supervised child, like a service: it is
 * an outside party (a stand-in for the banks' systems) with its own Kafka logins and keys, so it runs in
 * its own process, restarted when it crashes, and cannot take the launcher (and the in-process broker)
 * down with it. It needs the demo data set, which identity writes on its first embedded start.
 */
export function startSimulator(plan: LaunchPlan, brokers: string, demoFile: string): { status: SimulatorStatus; supervisor?: ServiceSupervisor } {
  if (!plan.simulator) return { status: { on: false, why: 'switched-off' } };
  if (!existsSync(demoFile)) return { status: { on: false, why: 'no-demo-data' } };
  const supervisor = new ServiceSupervisor({
    name: 'simulator',
    script: join(plan.repoRoot, 'tools', 'provider-simulator', 'dist', 'main.js'),
    logFormat: plan.logFormat,
    env: { ...process.env, KAFKA_BROKERS: brokers, CFC_DATA_DIR: plan.dataDir, DEMO_DATA_PATH: demoFile },
    onGiveUp: (_name, why) => say(paint(`the provider simulator stopped for good: ${why}`, 31)),
  });
  supervisor.start();
  return { status: { on: true, providers: providerIds(demoFile) }, supervisor };
}

/** The banner's line about the simulator. */
export function simulatorLine(status: SimulatorStatus): string {
  if (status.on) return `  providers         simulator on for ${status.providers.join(', ')}   (CFC_SIMULATOR=off lets kcat or your own client play them)`;
  return status.why === 'switched-off'
    ? '  providers         simulator off (CFC_SIMULATOR=off): play them yourself; `npm run provider -- sign` signs their messages'
    : '  providers         simulator off: no demo data set to act from';
}

function providerIds(demoFile: string): string[] {
  try {
    const demo = JSON.parse(readFileSync(demoFile, 'utf8')) as { providers?: Array<{ institutionId?: string }> };
    return (demo.providers ?? []).map((p) => String(p.institutionId));
  } catch {
    return ['the demo providers'];
  }
}
