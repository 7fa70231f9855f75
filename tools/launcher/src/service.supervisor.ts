import { spawn, type ChildProcess } from 'node:child_process';
import { say } from './launcher.log';
import { pipeWithPrefix } from './log.prefixer';

/** Exit code a service uses for a configuration error (see @cfc/platform EXIT_CONFIG): restarting cannot help. */
const EXIT_CONFIG = 78;
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
/** A run this long counts as healthy: the next crash starts the backoff from the beginning. */
const STABLE_AFTER_MS = 60_000;

export interface SupervisedService {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  logFormat: 'pretty' | 'json';
  /** Called when the service cannot be started again (configuration error). */
  onGiveUp: (name: string, why: string) => void;
  /** Pauses before restart 1, 2, …; the last repeats. Default 1 s, 2 s, 4 s … 30 s. */
  backoffMs?: readonly number[];
}

/**
 * Runs one service as a child process and restarts it with backoff when it crashes. The child gets an
 * IPC channel so it can shut itself down if the launcher dies without stopping it.
 */
export class ServiceSupervisor {
  private child?: ChildProcess;
  private stopping = false;
  private attempt = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(private readonly service: SupervisedService) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const { name, script, env, logFormat } = this.service;
    const startedAt = Date.now();
    const child = spawn(process.execPath, [script], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child = child;
    pipeWithPrefix(child.stdout!, name, logFormat);
    pipeWithPrefix(child.stderr!, name, logFormat);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      if (code === EXIT_CONFIG) {
        this.service.onGiveUp(name, 'its configuration is invalid (see the message above)');
        return;
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.attempt = 0;
      const backoff = this.service.backoffMs ?? BACKOFF_MS;
      const delay = backoff[Math.min(this.attempt, backoff.length - 1)];
      this.attempt += 1;
      say(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s (restart #${this.attempt})`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        this.start();
      }, delay);
    });
  }

  /** True while a restart is scheduled (the service crashed and waits out its backoff). */
  get restarting(): boolean {
    return this.restartTimer !== undefined;
  }

  /** No grace: SIGKILL the whole process group at once and never restart (a second Ctrl-C). */
  kill(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = this.child;
    if (child?.pid && child.exitCode === null && child.signalCode === null) killGroupNow(child.pid);
  }

  /** SIGTERM, then SIGKILL for the whole process group if it has not exited within graceMs. */
  stop(graceMs = 15_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => {
        say(`${this.service.name} did not stop within ${graceMs / 1000} s; killing it`);
        killGroup(child, 'SIGKILL');
      }, graceMs);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      killGroup(child, 'SIGTERM');
    });
  }
}

/** SIGKILL the process group now, for a second Ctrl-C: the child is detached, so it would outlive the launcher. */
export function killGroupNow(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    child.kill(signal);
  }
}
