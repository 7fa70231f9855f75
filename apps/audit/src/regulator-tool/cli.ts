import { runVerify } from './verify.command';
import { parseVerifyOptions, USAGE, UsageError } from './verify.options';

// npm run audit -- verify ...: the regulator's replay of the audit stream. Exit 0 when everything verifies,
// 1 when anything does not, 2 on a usage error, 3 when the log or the keys cannot be read.
async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'verify') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let options;
  try {
    options = parseVerifyOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const out = { write: (text: string) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true, columns: process.stdout.columns };
  try {
    return (await runVerify(options, out)).ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`cannot verify: ${(error as Error).message}\n`);
    return 3;
  }
}

// Exit once stdout is flushed: a piped stdout is asynchronous, and process.exit would cut the report.
void main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
