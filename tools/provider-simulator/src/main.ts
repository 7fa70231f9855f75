// The provider simulator as a process (`npm start` runs it; see README.md). Exits 78 on bad configuration.
import { ConfigError, createRootLogger, EXIT_CONFIG, SystemClock } from '@cfc/platform';
import { DemoDataError } from './demo-data.file';
import { startProviderSimulator, type RunningSimulator } from './provider.simulator';
import { simulatorConfig } from './simulator.config';

async function main(): Promise<void> {
  let config;
  try {
    config = simulatorConfig(process.env);
  } catch (error) {
    createRootLogger('provider-simulator', 'info').fatal({ problems: (error as ConfigError).problems }, `provider simulator cannot start: ${(error as Error).message}`);
    process.exit(error instanceof ConfigError ? EXIT_CONFIG : 1);
  }
  const logger = createRootLogger('provider-simulator', config.logLevel);
  let simulator: RunningSimulator | undefined;
  let stopping = false;
  const stop = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'provider simulator stopping');
    await simulator?.stop();
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  // Started by the launcher with an IPC channel: if the launcher dies without stopping us, stop anyway.
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => void stop('launcher gone'));
  }
  try {
    const onFatal = (provider: string) => void stop(`${provider} cannot consume`, 1);
    simulator = startProviderSimulator({ config, clock: new SystemClock(config.clockOffsetFile), logger, onFatal });
    await simulator.ready;
  } catch (error) {
    // Kafka unreachable after the client's retries, or no usable demo data set: the launcher restarts on the first.
    logger.fatal({ err: error }, `provider simulator cannot start: ${(error as Error).message}`);
    await simulator?.stop();
    process.exit(error instanceof DemoDataError ? EXIT_CONFIG : 1);
  }
}

void main();
