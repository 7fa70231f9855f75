// Runs the broker in the foreground: `node libs/kafka-broker/dist/cli.js --port 9092 --data-dir .data/kafka`.
import { startBroker } from './broker';
import type { BrokerOptions } from './broker.options';

const USAGE =
  'usage: cli.js --port <port> --data-dir <dir> [--host <host>] [--fsync always|never] [--max-request-bytes N] [--partitions N] [--auth-file <path>]';

function parseArgs(argv: string[]): BrokerOptions {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag.startsWith('--') || value === undefined) throw new Error(USAGE);
    args.set(flag.slice(2), value);
  }
  const int = (name: string): number | undefined => {
    const v = args.get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
    return Number(v);
  };
  const fsync = args.get('fsync');
  if (fsync !== undefined && fsync !== 'always' && fsync !== 'never') throw new Error('--fsync must be always or never');
  const port = int('port');
  const dataDir = args.get('data-dir');
  if (port === undefined || !dataDir) throw new Error(USAGE);
  const known = ['port', 'data-dir', 'host', 'fsync', 'max-request-bytes', 'partitions', 'auth-file'];
  const unknown = [...args.keys()].filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown option --${unknown[0]}\n${USAGE}`);
  const authFile = args.get('auth-file');
  return {
    port,
    dataDir,
    host: args.get('host'),
    fsync,
    maxRequestBytes: int('max-request-bytes'),
    defaultPartitions: int('partitions'),
    // SASL and ACLs from this file; without it the broker runs open, as before (tools that drive it stay valid).
    auth: authFile ? { file: authFile } : undefined,
  };
}

async function main(): Promise<void> {
  let options: BrokerOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  // Handlers go in before the broker starts: a SIGTERM right after its "listening" line must still
  // stop it cleanly rather than meet the default action and kill the process.
  const started: { broker?: ReturnType<typeof startBroker> } = {};
  const stop = (signal: string) => {
    Promise.resolve(started.broker)
      .then((broker) => broker?.stop())
      .then(
        () => process.exit(0),
        (e: Error) => {
          process.stderr.write(`stop after ${signal} failed: ${e.message}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  started.broker = startBroker(options);
  await started.broker;
}

main().catch((e: Error) => {
  process.stderr.write(`broker failed to start: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
