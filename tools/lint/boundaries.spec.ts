// The architecture rules are enforced, not hoped for: prove the lint config rejects each violation.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// The real CLI, as `npm run lint` runs it (its ESM config cannot load inside jest's module sandbox).
async function lint(relativePath: string, code: string): Promise<string[]> {
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', relativePath, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture lint rules', () => {
  beforeAll(() => {
    // The module-boundary rule reads Nx's cached project graph.
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
  }, 60000);

  it.each(['@nestjs/common', 'typeorm', 'pg', 'kafkajs'])('rejects %s in domain code', async (pkg) => {
    const messages = await lint('apps/consent/src/domain/probe.ts', `import * as x from '${pkg}';\nexport const y = x;\n`);
    expect(messages).toEqual([expect.stringContaining('no-restricted-imports')]);
  });

  it('accepts pure domain code', async () => {
    expect(await lint('apps/consent/src/domain/probe.ts', `export const add = (a: number, b: number) => a + b;\n`)).toEqual([]);
  });

  it('allows framework imports outside domain/', async () => {
    expect(await lint('apps/consent/src/probe.ts', `import { Module } from '@nestjs/common';\nexport const m = Module;\n`)).toEqual([]);
  });

  it('rejects an app importing another app', async () => {
    const messages = await lint('apps/consent/src/probe.ts', `import * as g from '@cfc/gateway';\nexport const y = g;\n`);
    expect(messages).toEqual([expect.stringContaining('@nx/enforce-module-boundaries')]);
  });

  it('rejects the test helpers in production code, allows them in tests', async () => {
    const code = `import { uniqueName } from '@cfc/testing';\nexport const n = uniqueName('x');\n`;
    expect(await lint('libs/eventing/src/probe.ts', code)).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(await lint('libs/eventing/src/probe.int.spec.ts', code)).toEqual([]);
  });
});
