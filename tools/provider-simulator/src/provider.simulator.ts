import { Topics } from '@cfc/contracts';
import type { Clock, PlatformLogger } from '@cfc/platform';
import { readDemoData } from './demo-data.file';
import { holdingsOf } from './domain/desk/holdings';
import { ProviderAgent } from './provider.agent';
import type { SimulatorConfig } from './simulator.config';
import { StateFile } from './state.file';

export interface SimulatorOptions {
  config: SimulatorConfig;
  clock: Clock;
  logger: PlatformLogger;
  /** Tests isolate themselves on a topic of their own; everyone else writes the contract's. */
  inboundTopic?: string;
  /** Act for these providers only (default: every provider of the demo data set). */
  providers?: readonly string[];
  /** A provider's consumer stopped for good. */
  onFatal?: (provider: string, error: Error) => void;
}

export interface RunningSimulator {
  providers: string[];
  /** Resolves once every provider consumes its outbound topic. */
  ready: Promise<void>;
  /** Sends what is due now, for every provider (the timer does this every tick). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts one agent per demo provider, all sharing one state file, and the timer that supplies what is
 * due. Each provider starts on its own: one whose topics do not exist yet waits without holding up the
 * others. `ready` resolves once every provider consumes; a provider that cannot start rejects it.
 */
export function startProviderSimulator(options: SimulatorOptions): RunningSimulator {
  const { config, clock, logger } = options;
  const demo = readDemoData(config.demoDataPath);
  const store = StateFile.open(config.stateFile);
  const providers = demo.providers.filter((p) => !options.providers || options.providers.includes(p.institutionId));
  const brokers = config.brokers ?? demo.kafka;
  const deps = { brokers, inboundTopic: options.inboundTopic ?? Topics.providerInbound, store, holdings: holdingsOf(demo.accounts), settings: config.settings, clock, logger, onFatal: options.onFatal };
  const agents = providers.map((p) => new ProviderAgent(p, deps));
  const ready = Promise.all(agents.map((a) => a.start())).then(() => undefined);
  ready.catch(() => undefined); // the caller handles it; no unhandled rejection meanwhile
  const tick = async () => {
    await Promise.all(agents.map((a) => a.tick().catch((error: Error) => logger.error({ provider: a.institutionId, err: error }, `${a.institutionId} could not send what is due: ${error.message}`))));
  };
  let ticking = false;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void tick().finally(() => (ticking = false));
  }, config.tickMs);
  logger.info({ providers: agents.map((a) => a.institutionId), brokers, sasl: providers.every((p) => p.kafka !== undefined), objections: config.settings.objectionPolicy }, 'provider simulator started');
  return {
    providers: agents.map((a) => a.institutionId),
    ready,
    tick,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(agents.map((a) => a.stop()));
    },
  };
}
