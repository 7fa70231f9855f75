"""kafka-python 2.0.2 (Debian's python3-kafka) as a peer of the broker's conformance suite.

Driven by kafka-python.int.spec.ts. Connection settings come from the environment (BOOTSTRAP,
SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD); each command prints JSON lines on stdout, and an
error as one line {"error": <kafka-python class name>, "message": ...} with exit code 3. kafka-python
retries some failures for ever (a broker that closes every connection looks like a flaky network to
it), so PEER_DEADLINE_S bounds a command: {"error": "Deadline"} and exit code 4.
"""
import json
import logging
import os
import signal
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.admin import NewTopic
from kafka.errors import KafkaError


def settings():
    common = {'bootstrap_servers': os.environ['BOOTSTRAP'], 'request_timeout_ms': 15000}
    if os.environ.get('SASL_MECHANISM'):
        common.update(
            security_protocol='SASL_PLAINTEXT',
            sasl_mechanism=os.environ['SASL_MECHANISM'],
            sasl_plain_username=os.environ['SASL_USERNAME'],
            sasl_plain_password=os.environ['SASL_PASSWORD'],
        )
    return common


def say(**fields):
    print(json.dumps(fields), flush=True)


def admin(args):
    """admin create <topic> <partitions> | admin list"""
    client = KafkaAdminClient(client_id='kafka-python-admin', **settings())
    try:
        if args[0] == 'create':
            response = client.create_topics([NewTopic(args[1], int(args[2]), 1)])
            say(created=[{'topic': t, 'error': e} for (t, e, *_rest) in response.topic_errors])
        elif args[0] == 'list':
            say(topics=sorted(client.list_topics()))
    finally:
        client.close()


def produce(args):
    """produce <topic> <count> [<prefix>]: keyed messages k<i> = <prefix><i>, all acknowledged"""
    topic, count = args[0], int(args[1])
    prefix = args[2] if len(args) > 2 else 'v'
    producer = KafkaProducer(acks='all', retries=0, **settings())
    try:
        futures = [producer.send(topic, key=f'k{i}'.encode(), value=f'{prefix}{i}'.encode()) for i in range(count)]
        offsets = [f.get(timeout=20).offset for f in futures]
        say(acked=len(offsets))
    finally:
        producer.close(timeout=5)


def consume(args):
    """consume <topic> <group>: prints its assignment, then each message, until SIGTERM; commits as it goes"""
    topic, group = args[0], args[1]
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    consumer = KafkaConsumer(
        group_id=group,
        auto_offset_reset='earliest',
        enable_auto_commit=False,
        session_timeout_ms=10000,
        heartbeat_interval_ms=1000,
        **settings(),
    )
    consumer.subscribe([topic])
    assigned = None
    try:
        while not stopping:
            batch = consumer.poll(timeout_ms=200)
            now = sorted(p.partition for p in consumer.assignment())
            if now != assigned:
                assigned = now
                say(assigned=now)
            for tp, records in batch.items():
                for r in records:
                    say(partition=tp.partition, offset=r.offset, value=r.value.decode())
            if batch:
                consumer.commit()
    finally:
        consumer.close()


def read(args):
    """read <topic> <partitions>: reads every partition from the beginning without a group; prints the count"""
    topic, partitions = args[0], int(args[1])
    from kafka import TopicPartition
    consumer = KafkaConsumer(enable_auto_commit=False, consumer_timeout_ms=3000, **settings())
    try:
        parts = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        deadline = time.time() + 10
        count = 0
        while time.time() < deadline:
            batch = consumer.poll(timeout_ms=500)
            if not batch and count > 0:
                break
            count += sum(len(rs) for rs in batch.values())
        say(read=count)
    finally:
        consumer.close()


COMMANDS = {'admin': admin, 'produce': produce, 'consume': consume, 'read': read}

def deadline(*_):
    say(error='Deadline', message='command did not finish in PEER_DEADLINE_S')
    os._exit(4)


if __name__ == '__main__':
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    signal.signal(signal.SIGALRM, deadline)
    signal.alarm(int(os.environ.get('PEER_DEADLINE_S', '60')))
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except KafkaError as e:
        say(error=type(e).__name__, message=str(e)[:500])
        sys.exit(3)
