import { connect } from 'node:net';
import { requestFrame, splitAddress } from './raw.client';

/** How one fuzz connection ended. */
export type SessionOutcome = 'refused' | 'closed' | 'carried-on' | 'silent';

const PROBE_ID = 0x7ffffff0;
const PROBE = requestFrame(18, 0, PROBE_ID, Buffer.alloc(0));

/**
 * Writes the frames (split at `splitAt`, to exercise reassembly) then a valid ApiVersions probe,
 * and reports whether the broker closed the connection, answered the probe (so the connection
 * carried on), or neither within lingerMs. A refused connection means the broker is down.
 */
export function fuzzSession(address: string, frames: Buffer[], splitAt: number, lingerMs: number): Promise<SessionOutcome> {
  const [host, port] = splitAddress(address);
  return new Promise((resolve) => {
    const socket = connect({ host, port, noDelay: true });
    let outcome: SessionOutcome = 'silent';
    let pending = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 8 && pending.length >= 4 + pending.readInt32BE(0)) {
        if (pending.readInt32BE(4) === PROBE_ID) {
          outcome = 'carried-on';
          socket.destroy();
          return;
        }
        pending = pending.subarray(4 + pending.readInt32BE(0));
      }
    });
    socket.on('end', () => (outcome = 'closed'));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      outcome = e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ECONNRESET' ? 'closed' : outcome;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(outcome);
    });
    socket.once('connect', () => {
      const all = Buffer.concat([...frames, PROBE]);
      const cut = Math.min(splitAt, all.length);
      socket.write(all.subarray(0, cut));
      setImmediate(() => {
        if (!socket.destroyed) socket.write(all.subarray(cut));
      });
    });
  });
}
