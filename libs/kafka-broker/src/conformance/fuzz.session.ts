import { connect } from 'node:net';
import { splitAddress } from './raw.client';

/** How one fuzz connection ended. */
export interface SessionOutcome {
  refused: boolean;
  bytesBack: number;
  closedByBroker: boolean;
}

/**
 * Opens a connection, writes the frames (sometimes split mid-frame), half-closes, and waits a
 * little for the broker to answer or hang up. A refused connection means the broker is down.
 */
export function fuzzSession(address: string, frames: Buffer[], splitAt: number, lingerMs: number): Promise<SessionOutcome> {
  const [host, port] = splitAddress(address);
  return new Promise((resolve) => {
    const socket = connect({ host, port, noDelay: true });
    let bytesBack = 0;
    let ended = false;
    let refused = false;
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    socket.on('data', (chunk: Buffer) => (bytesBack += chunk.length));
    socket.on('end', () => (ended = true));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') refused = true;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ refused, bytesBack, closedByBroker: ended });
    });
    socket.once('connect', () => {
      const all = Buffer.concat(frames);
      const cut = Math.min(splitAt, all.length);
      socket.write(all.subarray(0, cut));
      setImmediate(() => {
        if (socket.destroyed) return;
        socket.write(all.subarray(cut));
        socket.end();
      });
    });
  });
}
