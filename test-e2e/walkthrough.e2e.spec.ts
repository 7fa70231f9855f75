import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, startStack, STACK_START_MS, type Stack } from './support/stack';

// The walkthrough's copy-paste blocks, run in order with bash against a platform started as `npm start`
// starts it (simulator on, as a newcomer has it), so that every command a reader pastes is known to work.
// The blocks between the markers of WALKTHROUGH (the root README) are the test.

const WALKTHROUGH = join(REPO_ROOT, 'README.md');
const START = '<!-- walkthrough:start -->';
const END = '<!-- walkthrough:end -->';

/** The ```bash blocks between the markers, in order. */
export function walkthroughBlocks(markdown: string): string[] {
  const from = markdown.indexOf(START);
  const to = markdown.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${WALKTHROUGH} has no ${START} … ${END} section`);
  return [...markdown.slice(from, to).matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

describe('the README walkthrough, block by block, against a running demo (embedded stack)', () => {
  let stack: Stack;
  let readyAt = 0;
  const blocks = walkthroughBlocks(readFileSync(WALKTHROUGH, 'utf8'));

  beforeAll(async () => {
    stack = await startStack('walkthrough');
    readyAt = Date.now();
  }, STACK_START_MS + 10_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('has the blocks of each actor', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    const all = blocks.join('\n');
    for (const step of ['/v1/subject/login', '/v1/subject/bindings', 'kcat', 'provider -- sign', '/v1/authorizations', '/v1/queries', 'audit --} verify']) expect(all).toContain(step);
  });

  it('runs every block with exit code 0, the lender getting a credit report and the regulator a verified stream', async () => {
    // What a reader's one terminal keeps between pastes (exported variables) travels in a file from block to
    // block; each block runs in its own `bash -euo pipefail`, so any failing command fails its block.
    const state = join(stack.dataDir, 'walkthrough.env');
    writeFileSync(state, '');
    const outputs: string[] = [];
    let reportAt = 0;
    for (const [index, block] of blocks.entries()) {
      const file = join(stack.dataDir, `walkthrough-${index}.sh`);
      writeFileSync(file, block);
      const run = await bash(`source ${JSON.stringify(state)}\nsource ${JSON.stringify(file)}\nexport -p > ${JSON.stringify(state)}\n`, {
        CFC: stack.gateway,
        DATA: stack.dataDir,
        // `npm run audit` builds first; the suites run after `npm run build`, and a build beside other suites would rewrite what they load.
        AUDIT: `${process.execPath} ${join(REPO_ROOT, 'apps', 'audit', 'dist', 'regulator-tool', 'cli.js')}`,
      });
      expect({ block: index, code: run.code, stderr: run.code === 0 ? '' : run.stderr, stdout: run.code === 0 ? '' : run.stdout }).toEqual({ block: index, code: 0, stderr: '', stdout: '' });
      outputs.push(run.stdout);
      if (!reportAt && run.stdout.includes('CREDIT_REPORT for')) reportAt = Date.now();
    }
    const lenderBlock = outputs.findIndex((o) => o.includes('CREDIT_REPORT for'));
    const lender = outputs[lenderBlock];
    // Measured, not asserted (issue 15 asks for a credit report within a minute of the banner): reported on stderr.
    process.stderr.write(`walkthrough: the lender's credit report came ${((reportAt - readyAt) / 1000).toFixed(1)} s after the banner (block ${lenderBlock + 1} of ${blocks.length})\n`);
    expect(lender).toMatch(new RegExp(`CREDIT_REPORT for ${stack.demo.enterprises[4].uscc}, \\d{4}-\\d{2} to \\d{4}-\\d{2}, accounts \\d{4}\\*+\\d{4}`));
    expect(lender).toContain('Operations / OPS_INFLOW_12M');
    expect(outputs.some((o) => o.includes('submission.accepted'))).toBe(true);
    expect(outputs.at(-1)).toMatch(/verif/i);
  }, 300_000);
});

function bash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
