export declare const identityVariables: {
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
};
