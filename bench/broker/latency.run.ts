import { Kafka, logLevel } from 'kafkajs';
import { kcat } from './kcat.process';
import { kcatSasl, type BenchLogin } from './bench.login';
import { StampProducer } from './stamp.producer';

/** Produce-to-consume delay of messages sent at a steady rate. */
export interface Latency {
  sent: number;
  received: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Produce acknowledgement times (acks=all), the broker's share of the delay. */
  ackP50Ms: number;
  ackP99Ms: number;
}

/**
 * One stamped message per 1/rate s, each its own acks=all Produce request (kcat -P 1.7.1 sends piped
 * input only at EOF, so it cannot pace single messages), and a kcat consumer tailing the partition
 * with unbuffered output; the stamp and the arrival time come from this process's clock.
 */
export async function latencyRun(broker: string, topic: string, ratePerSec: number, seconds: number, log: (s: string) => void, login?: BenchLogin): Promise<Latency> {
  const sasl = login && { mechanism: 'scram-sha-256' as const, ...login };
  const kafka = new Kafka({ clientId: 'bench-latency', brokers: [broker], sasl, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = await StampProducer.open(broker, topic, login);
  const send = (value: string) => void producer.send(value);

  const delays: number[] = [];
  let warm = false;
  let pending = '';
  const consumer = kcat([...kcatSasl(login), '-C', '-b', broker, '-t', topic, '-p', '0', '-o', 'end', '-u', '-q'], (chunk) => {
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
    send(`warm 0 ${performance.now()}`);
    await sleep(20);
  }
  log(`  consumer is live; sending ${ratePerSec} msg/s for ${seconds} s`);

  const total = ratePerSec * seconds;
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * ratePerSec) / 1000));
    for (; sent < due; sent++) send(`m ${sent} ${performance.now()}`);
    await sleep(1);
  }
  const drainDeadline = Date.now() + 5000;
  while (delays.length < total && Date.now() < drainDeadline) await sleep(20);
  producer.close();
  consumer.child.kill('SIGTERM');
  if (producer.errors > 0) throw new Error(`${producer.errors} latency sends were refused by the broker`);

  const at = quantiles(delays);
  const ack = quantiles(producer.ackMs);
  return { sent, received: delays.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), ackP50Ms: ack(0.5), ackP99Ms: ack(0.99) };
}

function quantiles(values: number[]): (q: number) => number {
  const sorted = [...values].sort((a, b) => a - b);
  return (q) => round2(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
