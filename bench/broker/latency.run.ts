import { kcat } from './kcat.process';

/** Produce-to-consume delay of messages sent at a steady rate. */
export interface Latency {
  sent: number;
  received: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A kcat producer fed one stamped line per millisecond and a kcat consumer tailing the partition, both
 * driven by this process, so the stamp and the arrival time come from the same clock.
 */
export async function latencyRun(broker: string, topic: string, ratePerSec: number, seconds: number, log: (s: string) => void): Promise<Latency> {
  const producer = kcat(['-P', '-b', broker, '-t', topic, '-p', '0', '-X', 'linger.ms=0', '-X', 'acks=all'], () => undefined, (seconds + 60) * 1000);
  const write = (line: string) => producer.child.stdin?.write(line);
  write('init 0\n'); // creates the topic before the consumer asks for its end
  await sleep(500);

  const delays: number[] = [];
  let warm = false;
  let pending = '';
  const consumer = kcat(['-C', '-b', broker, '-t', topic, '-p', '0', '-o', 'end', '-u', '-q'], (chunk) => {
    const now = performance.now();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [kind, , stamp] = line.split(' ');
      if (kind === 'warm') warm = true;
      if (kind === 'm') delays.push(now - Number(stamp));
    }
  }, (seconds + 60) * 1000);
  consumer.done.catch(() => undefined);

  const warmDeadline = Date.now() + 20_000;
  while (!warm) {
    if (Date.now() > warmDeadline) throw new Error('latency consumer saw no warm-up message in 20 s');
    write(`warm 0 ${performance.now()}\n`);
    await sleep(20);
  }
  log(`  consumer is live; sending ${ratePerSec} msg/s for ${seconds} s`);

  const total = ratePerSec * seconds;
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * ratePerSec) / 1000));
    let batch = '';
    for (; sent < due; sent++) batch += `m ${sent} ${performance.now()}\n`;
    if (batch) write(batch);
    await sleep(1);
  }
  const drainDeadline = Date.now() + 5000;
  while (delays.length < total && Date.now() < drainDeadline) await sleep(20);
  producer.child.stdin?.end();
  await producer.done.catch(() => undefined);
  consumer.child.kill('SIGTERM');

  delays.sort((a, b) => a - b);
  const at = (q: number) => round2(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN);
  return { sent, received: delays.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: round2(delays[delays.length - 1] ?? NaN) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
