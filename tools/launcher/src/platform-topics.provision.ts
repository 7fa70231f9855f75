import { PLATFORM_TOPICS } from '@cfc/contracts';
import { createKafkaClient, parseBrokers, type KafkaSasl } from '@cfc/platform';

/**
 * Creates the platform's fixed topics (PLATFORM_TOPICS) as the cluster's admin before any service starts,
 * as kafka-init.sh does for docker-compose: services then need CREATE only on what they own, and may start
 * in any order. Idempotent: existing topics are left as they are.
 */
export async function provisionPlatformTopics(brokers: string, sasl: KafkaSasl | undefined): Promise<number> {
  const admin = createKafkaClient({ brokers: parseBrokers(brokers), clientId: 'cfc-launcher', sasl }).admin();
  await admin.connect();
  try {
    await admin.ensureTopics([...PLATFORM_TOPICS]);
  } finally {
    await admin.disconnect();
  }
  return PLATFORM_TOPICS.length;
}
