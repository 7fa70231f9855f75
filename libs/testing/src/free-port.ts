import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

// Ports are drawn below the kernel's ephemeral range: a port the kernel may hand to any outgoing
// connection (a pg or kafkajs client of another suite) can be taken between "free" and "listening",
// and stay taken for as long as that connection lives. Nobody is handed a port below the range.
const LOWEST = 10_000;

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > LOWEST + 1000 ? low : 32_768;
  } catch {
    return 32_768; // Linux's default, and below macOS's 49152
  }
}

/** A loopback port that is free right now and that the kernel will not hand out to a client. */
export function freePort(): Promise<number> {
  return freePortRange(1);
}

/** A base port such that it and the next `size - 1` are free right now (the launcher's services take consecutive ports). */
export async function freePortRange(size: number): Promise<number> {
  const top = ephemeralRangeStart() - size;
  for (;;) {
    const base = LOWEST + Math.floor(Math.random() * (top - LOWEST));
    const held: Server[] = [];
    try {
      for (let port = base; port < base + size; port++) held.push(await listenOn(port));
      return base;
    } catch {
      // a port in the range is taken: try another base
    } finally {
      await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
    }
  }
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
