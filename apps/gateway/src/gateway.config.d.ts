import { type ConfigValues } from '@cfc/platform';
/** Every environment variable the gateway service reads (validated at boot; listed in deploy/README.md). */
export declare const gatewayConfig: {
    readonly IDENTITY_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly BINDING_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly CONSENT_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly INGESTION_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly REPORT_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly AUDIT_URL: {
        type: "url";
        default: string;
        protocols: readonly string[];
        description: string;
    };
    readonly RATE_LIMIT_ADDRESS_BURST: {
        readonly type: "int";
        readonly default: 200;
        readonly min: 1;
        readonly description: "requests one client address may send at once";
    };
    readonly RATE_LIMIT_ADDRESS_PER_SECOND: {
        readonly type: "int";
        readonly default: 50;
        readonly min: 1;
        readonly description: "steady requests per second per client address";
    };
    readonly RATE_LIMIT_TOKEN_BURST: {
        readonly type: "int";
        readonly default: 100;
        readonly min: 1;
        readonly description: "requests one bearer token subject may send at once";
    };
    readonly RATE_LIMIT_TOKEN_PER_SECOND: {
        readonly type: "int";
        readonly default: 20;
        readonly min: 1;
        readonly description: "steady requests per second per bearer token subject";
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
export type GatewayConfig = ConfigValues<typeof gatewayConfig>;
