import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Debian's python3 with python3-kafka (kafka-python 2.0.2); CI installs it (.ci/run), so missing is a failure. */
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const PEER = join(__dirname, 'peer.py');

/** Who the peer connects as: nothing (no SASL) or a SASL user. */
export interface PythonPeerAuth {
  bootstrap: string;
  mechanism?: 'SCRAM-SHA-256' | 'PLAIN';
  username?: string;
  password?: string;
  /** Seconds after which the peer gives up (kafka-python retries some failures for ever). */
  deadlineS?: number;
}

export interface PeerResult {
  code: number | null;
  /** The JSON lines it printed. */
  lines: Array<Record<string, unknown>>;
  stderr: string;
}

const envOf = (auth: PythonPeerAuth): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  BOOTSTRAP: auth.bootstrap,
  SASL_MECHANISM: auth.mechanism ?? '',
  SASL_USERNAME: auth.username ?? '',
  SASL_PASSWORD: auth.password ?? '',
  PEER_DEADLINE_S: String(auth.deadlineS ?? 60),
});

const parse = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Runs one peer command to completion (killed after timeoutMs, so a hung client fails fast). */
export function runPythonPeer(auth: PythonPeerAuth, args: string[], timeoutMs = 40_000): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [PEER, ...args], { env: envOf(auth), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8000)));
    child.on('error', (e) => reject(new Error(`cannot run ${PYTHON} (apt-get install python3-kafka): ${e.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new Error(`kafka-python ${args.join(' ')} timed out after ${timeoutMs} ms; stderr:\n${stderr}`));
      else resolve({ code, lines: parse(out), stderr });
    });
  });
}

/** A peer left running (a consumer group member); its JSON lines as they come. */
export interface PythonPeerProcess {
  lines(): Array<Record<string, unknown>>;
  /** SIGTERM: the consumer leaves its group and exits. */
  stop(): Promise<number | null>;
}

export function startPythonPeer(auth: PythonPeerAuth, args: string[]): PythonPeerProcess {
  const child = spawn(PYTHON, [PEER, ...args], { env: envOf(auth), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8000)));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  child.once('error', () => undefined);
  return {
    lines: () => parse(out),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      if (code !== 0) throw new Error(`kafka-python ${args.join(' ')} exited ${code} on SIGTERM; stderr:\n${stderr}`);
      return code;
    },
  };
}
