import { ConsumerGroups } from '@cfc/contracts';
import { defineConfig } from '@cfc/platform';

// Identity's own variables; identity.config.ts spreads them after the platform's.
export const identityVariables = defineConfig({
  CFC_DATA_DIR: { type: 'string', default: '.data', description: 'directory of embedded-mode files (demo.json, SMS outbox, generated keys)' },
  SMS_OUTBOX_PATH: { type: 'string', description: 'embedded SMS port: file that one-time codes are appended to (default <CFC_DATA_DIR>/sms-outbox.ndjson)' },
  DEMO_DATA_PATH: { type: 'string', description: 'where the demo data set is written on first start (default <CFC_DATA_DIR>/demo.json)' },
  DEMO_KAFKA_CREDENTIALS_PATH: {
    type: 'string',
    description: "JSON file of the demo providers' and regulators' Kafka credentials (the launcher writes it, mode 600); copied into demo.json as their \"kafka\"",
  },
  CFC_EMBEDDED: { type: 'boolean', default: false, description: 'set by the launcher when it runs its own PostgreSQL and broker: seeds the demo data set' },
  IDENTITY_DEMO_SEED: { type: 'boolean', default: false, description: 'seed the embedded registry and demo institutions from the demo data set even when not embedded' },
  GATEWAY_PUBLIC_URL: { type: 'url', default: 'http://127.0.0.1:8080', protocols: ['http', 'https'], description: 'gateway address written to demo.json' },
  PII_ENCRYPTION_KEYS: { type: 'string', secret: true, description: 'kid:base64 32-byte AES keys, newest first (default: generated into <CFC_DATA_DIR>/identity-secrets.json)' },
  PII_LOOKUP_KEY: { type: 'string', secret: true, description: 'base64 key of the keyed hash that finds personal data (default: generated)' },
  LOGIN_CODE_KEY: { type: 'string', secret: true, description: 'base64 key of the one-time code hash (default: generated)' },
  TOKEN_SIGNING_KEYS: { type: 'string', secret: true, description: 'JSON [{kid, privateKeyPem}] Ed25519 token keys, signing key first (default: generated)' },
  IDENTITY_OPERATOR_TOKEN: { type: 'string', secret: true, description: 'bearer token (at least 32 characters) of the operator routes POST /internal/institutions/{id}/provider-keys and …/{keyId}/revoke, GET /internal/operator/messages and POST …/{id}/reply; unset: they answer 403' },
  SUBJECT_TOKEN_TTL_SECONDS: { type: 'int', default: 900, min: 30, max: 86400, description: 'lifetime of an enterprise bearer token' },
  INSTITUTION_TOKEN_TTL_SECONDS: { type: 'int', default: 900, min: 30, max: 86400, description: 'lifetime of a lender or regulator bearer token' },
  LOGIN_RATE_WINDOW_SECONDS: { type: 'int', default: 900, min: 1, description: 'window of the login challenge rate limits' },
  LOGIN_CHALLENGES_PER_USCC: { type: 'int', default: 5, min: 1, description: 'login challenges whose identity matched (code sent) one USCC may request per window' },
  LOGIN_MISMATCHES_PER_ADDRESS: { type: 'int', default: 5, min: 1, description: 'login challenges with a registry mismatch one client address may make per window' },
  IDENTITY_CONSENT_NOTICES_GROUP: {
    type: 'string',
    default: ConsumerGroups.identityConsentNotices,
    description: 'Kafka consumer group of the SMS notices on authorisation requests (cfc.consent.events.v1); change it only to run isolated stacks on one Kafka cluster (tests)',
  },
  LOGIN_CHALLENGES_PER_ADDRESS: { type: 'int', default: 20, min: 1, description: 'login challenges one client address may request per window' },
});
