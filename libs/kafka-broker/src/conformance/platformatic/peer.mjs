// @platformatic/kafka 2.x as a peer of the broker's conformance suite (ESM only, so it runs in its own
// process). Driven by platformatic.int.spec.ts; connection from the environment (BOOTSTRAP,
// SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD); prints JSON lines; an error is one line
// {"error": name, "message", "codes"} and exit code 3; PEER_DEADLINE_S bounds a command (exit 4).
import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';

const say = (fields) => process.stdout.write(`${JSON.stringify(fields)}\n`);
const options = {
  clientId: 'platformatic-peer',
  bootstrapBrokers: [process.env.BOOTSTRAP],
  retries: 0,
  ...(process.env.SASL_MECHANISM
    ? { sasl: { mechanism: process.env.SASL_MECHANISM, username: process.env.SASL_USERNAME, password: process.env.SASL_PASSWORD } }
    : {}),
};

/** Kafka error names anywhere in the error's tree (ResponseError keeps them per topic or partition). */
function codesOf(error, seen = new Set()) {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const own = [error.apiId, error.code].filter((c) => typeof c === 'string');
  const nested = [...Object.values(error.errors ?? {}), ...(Array.isArray(error.errors) ? error.errors : []), error.cause];
  return [...own, ...nested.flatMap((e) => codesOf(e, seen))];
}

const commands = {
  async 'admin-create'([topic, partitions]) {
    const admin = new Admin(options);
    try {
      const created = await admin.createTopics({ topics: [topic], partitions: Number(partitions), replicas: 1 });
      say({ created: created.map((t) => ({ topic: t.name, partitions: t.partitions })) });
    } finally {
      await admin.close();
    }
  },
  async 'admin-list'() {
    const admin = new Admin(options);
    try {
      say({ topics: (await admin.listTopics()).sort() });
    } finally {
      await admin.close();
    }
  },
  async produce([topic, count, mode = 'idempotent']) {
    const idempotent = mode === 'idempotent';
    const producer = new Producer({ ...options, serializers: stringSerializers, idempotent, retries: idempotent ? 3 : 0 });
    try {
      const messages = Array.from({ length: Number(count) }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}` }));
      const result = await producer.send({ messages, acks: -1 });
      say({ acked: messages.length, partitions: result.offsets.length });
    } finally {
      await producer.close();
    }
  },
  async consume([topic, groupId, count]) {
    const consumer = new Consumer({ ...options, groupId, deserializers: stringDeserializers, autocommit: true });
    try {
      const stream = await consumer.consume({ topics: [topic], mode: 'earliest' });
      const values = [];
      for await (const message of stream) {
        values.push(message.value);
        if (values.length >= Number(count)) break;
      }
      await stream.close();
      say({ values });
    } finally {
      await consumer.close(true);
    }
  },
};

setTimeout(() => {
  say({ error: 'Deadline', message: 'command did not finish in PEER_DEADLINE_S' });
  process.exit(4);
}, Number(process.env.PEER_DEADLINE_S ?? 60) * 1000).unref();

const [command, ...args] = process.argv.slice(2);
try {
  await commands[command](args);
} catch (error) {
  say({ error: error?.name ?? 'Error', message: String(error?.message ?? error).slice(0, 500), codes: [...new Set(codesOf(error))] });
  process.exit(3);
}
