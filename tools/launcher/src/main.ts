// `npm start`: the whole platform on one machine. See README.md and deploy/README.md for the variables.
import { resolve } from 'node:path';
import { planFromEnv } from './launcher.config';
import { paint, say } from './launcher.log';
import { PlatformLauncher } from './platform.launcher';

async function main(): Promise<void> {
  // Whatever the platform creates (data files, the services' and PostgreSQL's, which inherit it) is owner-only.
  process.umask(0o077);
  const repoRoot = resolve(__dirname, '..', '..', '..');
  const launcher = new PlatformLauncher(planFromEnv(process.env, repoRoot));
  let stopping = false;
  const stop = async (signal: string, code: number) => {
    if (stopping) {
      say(`${signal} again: killing every service and PostgreSQL, exiting now`);
      launcher.killNow();
      process.exit(1);
    }
    stopping = true;
    say(`${signal}: stopping services, then the broker, then PostgreSQL`);
    await launcher.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  // A closed terminal or a bug in the launcher must not orphan PostgreSQL (it runs in its own process group).
  process.on('SIGHUP', () => void stop('SIGHUP', 0));
  process.on('uncaughtException', (error) => {
    say(paint(`launcher failed: ${error.stack ?? error.message}`, 31));
    void stop('uncaught exception', 1);
  });
  try {
    await launcher.start();
  } catch (error) {
    if (stopping) return;
    say(paint(`cannot start: ${(error as Error).message}`, 31));
    await stop('start failed', 1);
  }
}

void main();
