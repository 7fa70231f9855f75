import { type ConfigValues } from '@cfc/platform';
/** Every environment variable the identity service reads (validated at boot; listed in deploy/README.md). */
export declare const identityConfig: {
    readonly CFC_DATA_DIR: {
        readonly type: "string";
        readonly default: ".data";
        readonly description: "directory of embedded-mode files (demo.json, SMS outbox, generated keys)";
    };
    readonly SMS_OUTBOX_PATH: {
        readonly type: "string";
        readonly description: "embedded SMS port: file that one-time codes are appended to (default <CFC_DATA_DIR>/sms-outbox.ndjson)";
    };
    readonly DEMO_DATA_PATH: {
        readonly type: "string";
        readonly description: "where the demo data set is written on first start (default <CFC_DATA_DIR>/demo.json)";
    };
    readonly CFC_EMBEDDED: {
        readonly type: "boolean";
        readonly default: false;
        readonly description: "set by the launcher when it runs its own PostgreSQL and broker: seeds the demo data set";
    };
    readonly IDENTITY_DEMO_SEED: {
        readonly type: "boolean";
        readonly default: false;
        readonly description: "seed the embedded registry and demo institutions from the demo data set even when not embedded";
    };
    readonly GATEWAY_PUBLIC_URL: {
        readonly type: "url";
        readonly default: "http://127.0.0.1:8080";
        readonly protocols: readonly ["http", "https"];
        readonly description: "gateway address written to demo.json";
    };
    readonly PII_ENCRYPTION_KEYS: {
        readonly type: "string";
        readonly secret: true;
        readonly description: "kid:base64 32-byte AES keys, newest first (default: generated into <CFC_DATA_DIR>/identity-secrets.json)";
    };
    readonly PII_LOOKUP_KEY: {
        readonly type: "string";
        readonly secret: true;
        readonly description: "base64 key of the keyed hash that finds personal data (default: generated)";
    };
    readonly LOGIN_CODE_KEY: {
        readonly type: "string";
        readonly secret: true;
        readonly description: "base64 key of the one-time code hash (default: generated)";
    };
    readonly TOKEN_SIGNING_KEYS: {
        readonly type: "string";
        readonly secret: true;
        readonly description: "JSON [{kid, privateKeyPem}] Ed25519 token keys, signing key first (default: generated)";
    };
    readonly IDENTITY_OPERATOR_TOKEN: {
        readonly type: "string";
        readonly secret: true;
        readonly description: "bearer token (at least 32 characters) of the operator routes POST /internal/institutions/{id}/provider-keys and …/{keyId}/revoke; unset: they answer 403";
    };
    readonly SUBJECT_TOKEN_TTL_SECONDS: {
        readonly type: "int";
        readonly default: 900;
        readonly min: 30;
        readonly max: 86400;
        readonly description: "lifetime of an enterprise bearer token";
    };
    readonly INSTITUTION_TOKEN_TTL_SECONDS: {
        readonly type: "int";
        readonly default: 900;
        readonly min: 30;
        readonly max: 86400;
        readonly description: "lifetime of a lender or regulator bearer token";
    };
    readonly LOGIN_RATE_WINDOW_SECONDS: {
        readonly type: "int";
        readonly default: 900;
        readonly min: 1;
        readonly description: "window of the login challenge rate limits";
    };
    readonly LOGIN_CHALLENGES_PER_USCC: {
        readonly type: "int";
        readonly default: 5;
        readonly min: 1;
        readonly description: "login challenges whose identity matched (code sent) one USCC may request per window";
    };
    readonly LOGIN_MISMATCHES_PER_ADDRESS: {
        readonly type: "int";
        readonly default: 5;
        readonly min: 1;
        readonly description: "login challenges with a registry mismatch one client address may make per window";
    };
    readonly LOGIN_CHALLENGES_PER_ADDRESS: {
        readonly type: "int";
        readonly default: 20;
        readonly min: 1;
        readonly description: "login challenges one client address may request per window";
    };
    readonly PORT: {
        readonly type: "port";
        readonly default: number;
        readonly description: "HTTP port of this service";
    };
    readonly HOST: {
        readonly type: "string";
        readonly default: "127.0.0.1";
        readonly description: "interface the HTTP server binds (0.0.0.0 in containers)";
    };
    readonly DATABASE_URL: {
        readonly type: "url";
        readonly required: true;
        readonly protocols: readonly ["postgres", "postgresql"];
        readonly secret: true;
        readonly description: "this service's own PostgreSQL database, postgres://user:password@host:port/database";
    };
    readonly DATABASE_POOL_MAX: {
        readonly type: "int";
        readonly default: 10;
        readonly min: 1;
        readonly max: 200;
        readonly description: "largest number of pooled PostgreSQL connections";
    };
    readonly KAFKA_BROKERS: {
        readonly type: "list";
        readonly required: true;
        readonly description: "Kafka bootstrap servers, host:port[,host:port]";
    };
    readonly KAFKA_CLIENT_ID: {
        readonly type: "string";
        readonly description: "Kafka client id (defaults to cfc-<service>)";
    };
    readonly KAFKA_GROUP_PREFIX: {
        readonly type: "string";
        readonly description: "tests and side-by-side stacks on one cluster only: prepended to every consumer group the service joins, so two stacks do not split one group; unset in production (ACLs name the groups as @cfc/contracts spells them)";
    };
    readonly INTERNAL_AUTH_SECRET: {
        readonly type: "string";
        readonly required: true;
        readonly secret: true;
        readonly description: "per-deployment secret (at least 32 characters) that signs and verifies the short-lived service tokens on internal routes; the same value for every service";
    };
    readonly CFC_CLOCK_OFFSET_FILE: {
        readonly type: "string";
        readonly description: "tests and demos only: a file holding a clock offset in milliseconds that every service adds to the time (moves expiry and due dates); unset in production";
    };
    readonly LOG_LEVEL: {
        readonly type: "enum";
        readonly values: readonly ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
        readonly default: "info";
        readonly description: "lowest level of JSON log lines written to stdout";
    };
    readonly SHUTDOWN_TIMEOUT_MS: {
        readonly type: "int";
        readonly default: 10000;
        readonly min: 100;
        readonly description: "on SIGTERM, how long in-flight work may take before the process exits anyway";
    };
};
export type IdentityConfig = ConfigValues<typeof identityConfig>;
