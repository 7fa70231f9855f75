import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceSupervisor } from './service.supervisor';

// The supervisor with real child processes: tiny scripts that record each start and exit as told.
describe('service supervisor', () => {
  let dir: string;
  let said: string[];
  let write: typeof process.stdout.write;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfc-supervisor-'));
    said = [];
    write = process.stdout.write;
    // The supervisor speaks through the launcher's voice (stdout): keep what it says.
    process.stdout.write = ((chunk: string | Uint8Array) => (said.push(String(chunk)), true)) as typeof process.stdout.write;
  });
  afterEach(() => {
    process.stdout.write = write;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A "service" that appends its start time to starts.log, prints a line, then exits with `code` (or runs until signalled). */
  const service = (code: number | 'run') => {
    const script = join(dir, 'service.js');
    const tail = code === 'run' ? 'setInterval(() => undefined, 1000);' : `process.exitCode = ${code};`;
    writeFileSync(script, `require('fs').appendFileSync(${JSON.stringify(join(dir, 'starts.log'))}, Date.now() + '\\n'); console.log('started'); ${tail}`);
    return script;
  };
  const starts = () => readFileSync(join(dir, 'starts.log'), 'utf8').trim().split('\n').map(Number);
  const until = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
    for (const deadline = Date.now() + timeoutMs; !check(); await new Promise((r) => setTimeout(r, 20))) if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  };

  it('gives up on exit code 78 (invalid configuration) without a restart, and says why', async () => {
    let gaveUp: string | undefined;
    const supervisor = new ServiceSupervisor({ name: 'consent', script: service(78), env: process.env, logFormat: 'pretty', onGiveUp: (name, why) => (gaveUp = `${name}: ${why}`) });
    supervisor.start();
    await until('the give-up', () => gaveUp !== undefined);
    expect(gaveUp).toBe('consent: its configuration is invalid (see the message above)');
    expect(supervisor.restarting).toBe(false); // decided in the exit handler: nothing is scheduled
    expect(starts()).toHaveLength(1);
    expect(said.join('')).not.toContain('restarting');
    await supervisor.stop();
  });

  it('restarts a crashing service with growing pauses, says so each time, and stops restarting when stopped', async () => {
    const supervisor = new ServiceSupervisor({ name: 'audit', script: service(1), env: process.env, logFormat: 'pretty', onGiveUp: () => undefined, backoffMs: [200, 400, 800] });
    supervisor.start();
    await until('four starts', () => (readFileSyncSafe(join(dir, 'starts.log'))?.split('\n').filter(Boolean).length ?? 0) >= 4);
    await supervisor.stop();
    expect(supervisor.restarting).toBe(false);
    const at = starts();
    const gaps = at.slice(1, 4).map((t, i) => t - at[i]);
    // Each pause at least its backoff (the process's own start time comes on top).
    expect(gaps[0]).toBeGreaterThanOrEqual(200);
    expect(gaps[1]).toBeGreaterThanOrEqual(400);
    expect(gaps[2]).toBeGreaterThanOrEqual(800);
    const text = said.join('');
    expect(text).toContain('audit exited (code 1); restarting in 0.2 s (restart #1)');
    expect(text).toContain('audit exited (code 1); restarting in 0.4 s (restart #2)');
    expect(text).toContain('audit exited (code 1); restarting in 0.8 s (restart #3)');
    expect(text).toContain('audit     | started'); // the child's output, prefixed with its name
  });

  it('stops a running service with SIGTERM and does not restart it', async () => {
    const supervisor = new ServiceSupervisor({ name: 'report', script: service('run'), env: process.env, logFormat: 'pretty', onGiveUp: () => undefined, backoffMs: [50] });
    supervisor.start();
    await until('the start', () => said.join('').includes('report    | started'));
    await supervisor.stop();
    expect(supervisor.restarting).toBe(false);
    expect(starts()).toHaveLength(1);
    expect(said.join('')).not.toContain('restarting');
  });
});

function readFileSyncSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
