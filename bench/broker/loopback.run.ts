import { spawn } from 'node:child_process';
import { connect } from 'node:net';

// The sink runs in its own process, as the broker does, so sender and receiver do not share an event loop.
const SINK = `
const server = require('node:net').createServer((s) => {
  let n = 0;
  s.on('data', (c) => { n += c.length; });
  s.on('end', () => { s.end(String(n)); server.close(); });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

/** MB/s (1e6 bytes) of a plain node socket pair moving `totalBytes` over loopback: the ceiling here. */
export async function loopbackMbPerSec(totalBytes: number): Promise<number> {
  const sink = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => sink.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim()))));
  const chunk = Buffer.alloc(256 * 1024, 0x61);
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const start = performance.now();
  const answer = new Promise<number>((resolve) => {
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('end', () => resolve(Number(text)));
  });
  for (let sent = 0; sent < totalBytes; sent += chunk.length) {
    const piece = sent + chunk.length <= totalBytes ? chunk : chunk.subarray(0, totalBytes - sent);
    if (!socket.write(piece)) await new Promise<void>((resolve) => socket.once('drain', () => resolve()));
  }
  socket.end();
  const received = await answer;
  const seconds = (performance.now() - start) / 1000;
  socket.destroy();
  sink.kill();
  if (received !== totalBytes) throw new Error(`loopback sink received ${received} of ${totalBytes} bytes`);
  return Math.round((totalBytes / 1e6 / seconds) * 10) / 10;
}
