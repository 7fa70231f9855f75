import 'reflect-metadata';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, MessagePattern, Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { startTempBroker } from '../testing/temp-broker';
import { eventually, fastConsumer } from './group.int.kit';

const received: unknown[] = [];

@Controller()
class LedgerHandlers {
  @EventPattern('ledger.entry-posted')
  onPosted(@Payload() entry: unknown): void {
    received.push(entry);
  }

  @MessagePattern('ledger.balance')
  balance(@Payload() query: { amounts: number[] }): { total: number } {
    return { total: query.amounts.reduce((a, b) => a + b, 0) };
  }
}

@Module({ controllers: [LedgerHandlers] })
class LedgerModule {}

describe('NestJS Kafka transport against the broker', () => {
  let broker: Awaited<ReturnType<typeof startTempBroker>>;
  let server: INestMicroservice;
  let client: ClientKafka;

  beforeAll(async () => {
    broker = await startTempBroker();
    const kafkaClient = (clientId: string) => ({ clientId, brokers: [broker.address], logLevel: logLevel.NOTHING });
    // Group names are explicit (postfixId ''), never Nest's hidden -server/-client suffixes.
    server = await NestFactory.createMicroservice<MicroserviceOptions>(LedgerModule, {
      logger: false,
      transport: Transport.KAFKA,
      options: {
        postfixId: '',
        client: kafkaClient('ledger'),
        consumer: { groupId: 'ledger-handlers', ...fastConsumer },
        subscribe: { fromBeginning: true },
      },
    });
    await server.listen();
    client = new ClientKafka({
      postfixId: '',
      client: kafkaClient('ledger-caller'),
      consumer: { groupId: 'ledger-caller', ...fastConsumer },
    });
    client.subscribeToResponseOf('ledger.balance');
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
    await broker.remove();
  });

  it('delivers an event to its @EventPattern handler', async () => {
    await lastValueFrom(client.emit('ledger.entry-posted', { entryId: 'e-1', amount: 250 }));
    await eventually('event handled', () => received.length, (n) => n === 1);
    expect(received).toEqual([{ entryId: 'e-1', amount: 250 }]);
  });

  it('round-trips a @MessagePattern request and its reply', async () => {
    const reply = await lastValueFrom(client.send('ledger.balance', { amounts: [100, 250, -50] }));
    expect(reply).toEqual({ total: 300 });
    const again = await lastValueFrom(client.send('ledger.balance', { amounts: [1] }));
    expect(again).toEqual({ total: 1 });
  });
});
