import { spawn } from 'node:child_process';

/**
 * A client written in another language or module system (kafka-python, @platformatic/kafka), run as
 * its own process. It prints JSON lines on stdout; connection settings travel in the environment.
 */
export interface PeerCommand {
  /** What to run, e.g. ['/usr/bin/python3', 'peer.py']; the peer's arguments follow. */
  argv: string[];
  /** Named for the error when the program cannot start. */
  install: string;
}

/** Who the peer connects as: nothing (no SASL) or a SASL user. */
export interface PeerAuth {
  bootstrap: string;
  mechanism?: 'SCRAM-SHA-256' | 'PLAIN';
  username?: string;
  password?: string;
  /** Seconds after which the peer gives up on its own (some clients retry some failures for ever). */
  deadlineS?: number;
}

export interface PeerResult {
  code: number | null;
  lines: Array<Record<string, unknown>>;
  stderr: string;
}

const envOf = (auth: PeerAuth): NodeJS.ProcessEnv => ({
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
export function runPeer(peer: PeerCommand, auth: PeerAuth, args: string[], timeoutMs = 70_000): Promise<PeerResult> {
  return new Promise((resolve, reject) => {
    const [program, ...fixed] = peer.argv;
    const child = spawn(program, [...fixed, ...args], { env: envOf(auth), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8000)));
    child.on('error', (e) => reject(new Error(`cannot run ${program} (${peer.install}): ${e.message}`)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') reject(new Error(`${args.join(' ')} timed out after ${timeoutMs} ms; stderr:\n${stderr}`));
      else resolve({ code, lines: parse(out), stderr });
    });
  });
}

/** A peer left running (a consumer group member); its JSON lines as they come. */
export interface PeerProcess {
  lines(): Array<Record<string, unknown>>;
  /** SIGTERM: the consumer leaves its group and exits 0. */
  stop(): Promise<number | null>;
}

export function startPeer(peer: PeerCommand, auth: PeerAuth, args: string[]): PeerProcess {
  const [program, ...fixed] = peer.argv;
  const child = spawn(program, [...fixed, ...args], { env: envOf(auth), stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (code !== 0) throw new Error(`${args.join(' ')} exited ${code} on SIGTERM; stderr:\n${stderr}`);
      return code;
    },
  };
}
