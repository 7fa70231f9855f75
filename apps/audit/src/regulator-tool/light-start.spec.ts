import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The regulator's tool and the worker threads (the outbox relay's, the tool's activity rebuild) start on the
// light entry points (@cfc/platform/kafka, @cfc/contracts/headers): Nest, TypeORM or pino-http would add 0.6 s
// to every verify run and about 1 s of CPU to each relay thread. Checked on the built files (npm test builds
// first) by loading what each entry file requires: a worker's own file runs only inside a worker.
const repoRoot = join(__dirname, '..', '..', '..', '..');
const HEAVY = ['@nestjs/', 'typeorm', 'pino-http', 'class-validator', 'nestjs-pino'];

function modulesLoadedBy(entry: string): string[] {
  const script = `
    const { readFileSync } = require('node:fs');
    const { dirname } = require('node:path');
    const entry = ${JSON.stringify(entry)};
    const wanted = [...readFileSync(entry, 'utf8').matchAll(/require\\("([^"]+)"\\)/g)].map((m) => m[1]);
    const local = require('node:module').createRequire(entry);
    for (const id of wanted) if (!id.startsWith('node:') && id !== 'worker_threads') local(id);
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' })) as string[];
}

describe('light starts', () => {
  it.each([
    ['the regulator tool', 'apps/audit/dist/regulator-tool/cli.js'],
    ["the tool's activity worker", 'apps/audit/dist/regulator-tool/activity.worker.js'],
    ["the outbox relay's worker thread", 'libs/eventing/dist/outbox/relay.worker.js'],
  ])('%s loads no framework', (_what, file) => {
    const loaded = modulesLoadedBy(join(repoRoot, file));
    expect(loaded.length).toBeGreaterThan(3);
    expect(loaded.filter((m) => HEAVY.some((h) => m.includes(`node_modules/${h}`)))).toEqual([]);
  });
});
