import { createServer } from 'node:net';
import { createKafkaClient, KafkaUnreachableError, parseBrokers } from '.';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connecting to Kafka explicitly', () => {
  it('fails with an error naming the brokers and the variable when nothing listens', async () => {
    const broker = `127.0.0.1:${await closedPort()}`;
    const client = createKafkaClient({ brokers: [broker], clientId: 'test', connectTimeoutMs: 1500 });
    const started = Date.now();
    const error = await client.producer().connect().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(KafkaUnreachableError);
    expect((error as Error).message).toContain(broker);
    expect((error as Error).message).toContain('KAFKA_BROKERS');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails the same way for admin ping, consumers included', async () => {
    const broker = `127.0.0.1:${await closedPort()}`;
    const client = createKafkaClient({ brokers: [broker], clientId: 'test', connectTimeoutMs: 1000 });
    await expect(client.consumer({ groupId: 'g' }).connect()).rejects.toBeInstanceOf(KafkaUnreachableError);
    await expect(client.admin().connect()).rejects.toThrow(/not reachable/);
  });

  it('parses KAFKA_BROKERS lists and rejects empty ones', () => {
    expect(parseBrokers(' a:1, b:2 ,')).toEqual(['a:1', 'b:2']);
    expect(() => parseBrokers(' , ')).toThrow('no brokers');
  });
});
