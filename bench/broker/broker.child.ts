import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@cfc/testing';

export { freePort };

/** The broker as an operator runs it: `node libs/kafka-broker/dist/cli.js`, in its own process. */
export interface BrokerChild {
  address: string;
  stop(): Promise<void>;
}

const cli = join(__dirname, '..', '..', '..', 'libs', 'kafka-broker', 'dist', 'cli.js');

/** Starts the CLI on a free port (with SASL and ACLs given an auth file); BENCH_PROFILE=<dir> adds --cpu-prof. */
export async function startBrokerChild(dataDir: string, authFile?: string): Promise<BrokerChild> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const auth = authFile ? ['--auth-file', authFile] : [];
  const child = spawn(process.execPath, [...profile, cli, '--port', String(port), '--data-dir', dataDir, ...auth], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not log a listening line in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listen/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`broker exited early:\n${output}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

