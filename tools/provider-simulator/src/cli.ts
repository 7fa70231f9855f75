// `npm run provider -- <command>`: a provider's few tools for kcat users (README.md). Reads .data/demo.json.
// It loads no @cfc/platform (NestJS and all): a command answers in a fraction of a second.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDemoData } from './demo-data.file';
import { kcatArgsCommand, signCommand, statisticsCommand } from './provider.commands';

const USAGE = `usage: npm run provider -- <command> [flags]
  sign        --provider B0001 --file msg.json [--format kcat|json]   the signature headers of the file's exact bytes
  statistics  --provider B0001 --account <number> [--period YYYY-MM] [--revision N]   a signed-ready statistics.submitted
  kcat-args   --provider B0001                                        kcat's -b (and SASL -X) arguments for the provider
common flags: --demo <path> (default $DEMO_DATA_PATH or <$CFC_DATA_DIR or .data>/demo.json)`;

function run(argv: string[]): string {
  const [command, ...rest] = argv;
  if (!['sign', 'statistics', 'kcat-args'].includes(command ?? '')) fail(command ? `unknown command ${command}` : 'no command');
  const { values } = parseArgs({
    args: rest,
    options: {
      provider: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string', default: 'kcat' },
      account: { type: 'string' },
      period: { type: 'string' },
      revision: { type: 'string' },
      demo: { type: 'string' },
    },
  });
  // `npm run` starts scripts in the repository root; paths a person typed are relative to where they typed them.
  const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
  const demoPath = values.demo ? here(values.demo) : resolve(process.env.DEMO_DATA_PATH ?? join(process.env.CFC_DATA_DIR || '.data', 'demo.json'));
  const provider = required(values.provider, '--provider');
  switch (command) {
    case 'sign': {
      const format = values.format === 'json' ? 'json' : values.format === 'kcat' ? 'kcat' : fail(`--format must be kcat or json, got ${values.format}`);
      return signCommand(readDemoData(demoPath), provider, readFileSync(here(required(values.file, '--file'))), format);
    }
    case 'statistics': {
      const revision = values.revision === undefined ? undefined : Number(values.revision);
      if (revision !== undefined && !(Number.isInteger(revision) && revision >= 1)) fail('--revision must be a whole number from 1');
      if (values.period !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.period)) fail('--period must be YYYY-MM');
      return statisticsCommand(readDemoData(demoPath), { provider, accountNumber: required(values.account, '--account'), period: values.period, revision, now: new Date() });
    }
    case 'kcat-args':
      return kcatArgsCommand(readDemoData(demoPath), provider, process.env.KAFKA_BROKERS?.split(',').filter(Boolean));
    default:
      return fail(command ? `unknown command ${command}` : 'no command');
  }
}

function required(value: string | undefined, flag: string): string {
  return value ?? fail(`${flag} is required`);
}

function fail(message: string): never {
  throw new UsageError(message);
}

class UsageError extends Error {}

try {
  process.stdout.write(`${run(process.argv.slice(2))}\n`);
} catch (error) {
  const usage = error instanceof UsageError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`);
  process.exit(2);
}
