import { spawn, type ChildProcess } from 'node:child_process';

/** A running kcat whose stdout is handed chunk by chunk to the caller. */
export interface KcatRun {
  child: ChildProcess;
  done: Promise<void>;
}

/** Spawns kcat; `done` rejects on a non-zero exit or after timeoutMs, so the bench never hangs. */
export function kcat(args: string[], onStdout: (chunk: Buffer) => void, timeoutMs: number): KcatRun {
  const child = spawn(process.env.KCAT ?? 'kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.on('data', onStdout);
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  child.stdin.on('error', () => undefined);
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kcat ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => reject(new Error(`cannot run kcat: ${e.message}`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`kcat ${args.join(' ')} exited ${code}\n${stderr}`));
    });
  });
  return { child, done };
}
