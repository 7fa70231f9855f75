import { Pool } from 'pg';
import { migrateEventing, MetricsRegistry, pgDatabase, type SqlDatabase } from '@cfc/eventing';
import type { Clock, MessagingClient, PlatformLogger } from '@cfc/platform';
import { ActivityProjection } from './activity/activity.projection';
import type { AuditConfig } from './audit.config';
import { migrateAudit } from './audit.migration';
import { auditTopics, type AuditTopics } from './audit.topics';
import { loadAuditKeys, type AuditKeys } from './keys/audit-keys';
import { AuditPublisher } from './log/audit.publisher';
import { LogProofs } from './log/log.proofs';
import { Sequencer } from './log/sequencer';
import { RecorderSupervisor } from './recording/recorder.supervisor';
import { SourceEventsRecorder } from './recording/source-events.recorder';

/** Everything the audit's controllers and workers use, built once at start. */
export interface AuditRuntime {
  db: SqlDatabase;
  keys: AuditKeys;
  topics: AuditTopics;
  proofs: LogProofs;
  sequencer: Sequencer;
  publisher: AuditPublisher;
  recorder: RecorderSupervisor;
  activity: ActivityProjection;
  metrics: MetricsRegistry;
  /** Creates the topics, then starts the workers (sequencer and publisher stand by unless they hold the lease). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** DI token of the AuditRuntime. */
export const AUDIT_RUNTIME = Symbol('AUDIT_RUNTIME');

/** Its own pg pool (bulk array statements on the hot path), migrations, keys, and the workers wired together. */
export async function createAuditRuntime(config: AuditConfig, messaging: MessagingClient, clock: Clock, logger: PlatformLogger): Promise<AuditRuntime> {
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX, application_name: 'cfc-audit' });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle audit database connection failed'));
  const db = pgDatabase(pool);
  await migrateEventing(db);
  await migrateAudit(db);
  const keys = loadAuditKeys({ configured: config.AUDIT_SIGNING_KEYS, dataDir: config.CFC_DATA_DIR, origin: config.AUDIT_LOG_ORIGIN });
  const topics = auditTopics(config.AUDIT_KAFKA_NAMESPACE);
  const metrics = new MetricsRegistry();
  const publisher = new AuditPublisher(db, { client: messaging, entriesTopic: topics.entries, checkpointsTopic: topics.checkpoints, metrics, logger });
  const sequencer = new Sequencer(db, {
    keys, clock, metrics, logger,
    policy: { everyEntries: config.AUDIT_CHECKPOINT_EVERY_ENTRIES, intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS },
    batchSize: config.AUDIT_SEQUENCER_BATCH,
    onCommitted: () => publisher.wake(),
  });
  const recorder = new RecorderSupervisor({
    client: messaging,
    sources: topics.sources,
    logger,
    recorder: (sources) =>
      new SourceEventsRecorder({ db, client: messaging, groupId: topics.recorderGroup, topics: sources, deadLetterTopic: topics.deadLetter, metrics, logger, onRecorded: () => sequencer.wake() }),
  });
  const activity = new ActivityProjection({ db, client: messaging, entriesTopic: topics.entries, group: topics.activityGroup, metrics, logger });
  let stopped = false;
  return {
    db, keys, topics, proofs: new LogProofs(db), sequencer, publisher, recorder, activity, metrics,
    async start() {
      const admin = messaging.admin();
      await admin.connect();
      try {
        const forever = { 'retention.ms': '-1', 'retention.bytes': '-1' };
        await admin.ensureTopics([
          // One partition each: one total order, offset = seq (entries) and = ordinal (checkpoints). Kept forever.
          { topic: topics.entries, partitions: 1, configs: forever },
          { topic: topics.checkpoints, partitions: 1, configs: forever },
          { topic: topics.deadLetter, partitions: 1 },
        ]);
      } finally {
        await admin.disconnect();
      }
      sequencer.start();
      publisher.start();
      await recorder.start();
      await activity.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await recorder.stop();
      await sequencer.stop();
      await publisher.stop();
      await activity.stop();
      await pool.end();
    },
  };
}
