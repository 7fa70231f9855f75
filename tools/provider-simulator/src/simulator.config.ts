import { join, resolve } from 'node:path';
import { defineConfig, loadConfig } from '@cfc/platform';
import type { DeskSettings } from './domain/desk/desk.decision';
import { OBJECTION_POLICIES } from './domain/desk/objection.policy';

/** The simulator's variables (documented in its README; the launcher passes them through). */
export const simulatorVariables = defineConfig({
  CFC_DATA_DIR: { type: 'string', default: '.data', description: 'directory of embedded-mode files; the demo data set and the state file live here' },
  DEMO_DATA_PATH: { type: 'string', description: 'the demo data set to act from (default <CFC_DATA_DIR>/demo.json)' },
  KAFKA_BROKERS: { type: 'list', description: 'Kafka bootstrap servers (default: the `kafka` list of the demo data set)' },
  CFC_SIMULATOR_STATE_FILE: { type: 'string', description: 'what the providers remember across restarts (default <CFC_DATA_DIR>/provider-simulator/state.json)' },
  CFC_SIMULATOR_OBJECTIONS: { type: 'enum', values: OBJECTION_POLICIES, default: 'by-id', description: 'by-id: the objection id decides (README); correct, uphold: always; ignore: answer none (they go overdue)' },
  CFC_SIMULATOR_STREAM_DELAY_MS: { type: 'int', default: 2000, min: 0, max: 600_000, description: 'wait between confirming a binding and its first statistics, so the platform has recorded the confirmation' },
  CFC_SIMULATOR_RECORDS_PER_MESSAGE: { type: 'int', default: 1000, min: 1, max: 1000, description: 'records per statistics.submitted message' },
  CFC_SIMULATOR_TICK_MS: { type: 'int', default: 1000, min: 50, max: 600_000, description: 'how often the providers look for statistics due (a new month, a delayed stream, a retry)' },
  CFC_CLOCK_OFFSET_FILE: { type: 'string', description: 'tests and demos only: the clock offset file the services read, so months pass for the providers too' },
  LOG_LEVEL: { type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info', description: 'lowest level of JSON log lines' },
});

export interface SimulatorConfig {
  demoDataPath: string;
  stateFile: string;
  /** Unset: the brokers listed in the demo data set. */
  brokers?: string[];
  settings: DeskSettings;
  tickMs: number;
  clockOffsetFile?: string;
  logLevel: string;
}

/** Retries of months refused as not (yet) bound: after 2, 5, 15, 30 and 60 seconds. */
export const RETRY_DELAYS_MS = [2000, 5000, 15_000, 30_000, 60_000] as const;

/** Reads the environment; throws ConfigError naming every bad variable. */
export function simulatorConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): SimulatorConfig {
  const values = loadConfig(simulatorVariables, env);
  const dataDir = resolve(cwd, values.CFC_DATA_DIR);
  return {
    demoDataPath: values.DEMO_DATA_PATH ? resolve(cwd, values.DEMO_DATA_PATH) : join(dataDir, 'demo.json'),
    stateFile: values.CFC_SIMULATOR_STATE_FILE ? resolve(cwd, values.CFC_SIMULATOR_STATE_FILE) : join(dataDir, 'provider-simulator', 'state.json'),
    brokers: values.KAFKA_BROKERS,
    settings: {
      streamDelayMs: values.CFC_SIMULATOR_STREAM_DELAY_MS,
      maxRecordsPerMessage: values.CFC_SIMULATOR_RECORDS_PER_MESSAGE,
      objectionPolicy: values.CFC_SIMULATOR_OBJECTIONS,
      retryDelaysMs: RETRY_DELAYS_MS,
    },
    tickMs: values.CFC_SIMULATOR_TICK_MS,
    clockOffsetFile: values.CFC_CLOCK_OFFSET_FILE,
    logLevel: values.LOG_LEVEL,
  };
}
