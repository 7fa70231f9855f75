import { type ConfigValues, defineConfig, platformVariables } from '@cfc/platform';

/** Every environment variable the audit service reads (validated at boot; listed in deploy/README.md). */
export const auditConfig = defineConfig({
  ...platformVariables(8086),
  CFC_DATA_DIR: { type: 'string', default: '.data', description: 'directory of embedded-mode files (the generated audit signing key)' },
  AUDIT_LOG_ORIGIN: {
    type: 'string',
    default: 'cfc.local/audit',
    description: 'the log\'s name: first line of its C2SP checkpoint and the signed-note key name (part of the key id); one per deployment, never changed',
  },
  AUDIT_SIGNING_KEYS: {
    type: 'string',
    secret: true,
    description: 'JSON [{"privateKeyPem"}, {"publicKeyPem"}...]: the Ed25519 key that signs checkpoints first, then retired public keys still published for old checkpoints (default: generated into <CFC_DATA_DIR>/audit-signing-key.json, mode 0600)',
  },
  AUDIT_CHECKPOINT_EVERY_ENTRIES: { type: 'int', default: 1000, min: 1, max: 1_000_000, description: 'a signed checkpoint after this many new entries' },
  AUDIT_CHECKPOINT_INTERVAL_MS: { type: 'int', default: 500, min: 10, max: 600_000, description: 'a signed checkpoint at least this often while new entries arrive' },
  AUDIT_SEQUENCER_BATCH: { type: 'int', default: 2000, min: 1, max: 20_000, description: 'most entries the sequencer appends in one transaction' },
  AUDIT_KAFKA_NAMESPACE: {
    type: 'string',
    description: 'tests and benchmarks only: suffix of every topic and consumer group the audit uses (<name>.<namespace>), for side-by-side stacks on one broker; unset in production',
  },
});

export type AuditConfig = ConfigValues<typeof auditConfig>;
