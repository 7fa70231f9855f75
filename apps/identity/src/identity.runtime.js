"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDENTITY_RUNTIME = void 0;
exports.createIdentityRuntime = createIdentityRuntime;
const node_path_1 = require("node:path");
const contracts_1 = require("@cfc/contracts");
const eventing_1 = require("@cfc/eventing");
const demo_data_file_1 = require("./demo/demo-data.file");
const demo_seeder_1 = require("./demo/demo.seeder");
const identity_migration_1 = require("./identity.migration");
const institution_service_1 = require("./institutions/institution.service");
const operator_token_guard_1 = require("./institutions/operator-token.guard");
const login_rate_limiter_1 = require("./login/login-rate.limiter");
const login_service_1 = require("./login/login.service");
const client_credentials_service_1 = require("./oauth/client-credentials.service");
const embedded_enterprise_registry_1 = require("./registry/embedded.enterprise-registry");
const identity_secrets_1 = require("./secrets/identity-secrets");
const file_sms_sender_1 = require("./sms/file.sms-sender");
const logout_service_1 = require("./tokens/logout.service");
const token_issuer_1 = require("./tokens/token.issuer");
/** DI token of the IdentityRuntime. */
exports.IDENTITY_RUNTIME = Symbol('IDENTITY_RUNTIME');
/** Migrates, loads keys, seeds the demo registry when enabled, and wires the use cases. */
async function createIdentityRuntime(db, config, logger, now = () => new Date()) {
    (0, operator_token_guard_1.checkOperatorToken)(config.IDENTITY_OPERATOR_TOKEN);
    await (0, eventing_1.migrateEventing)(db);
    await (0, identity_migration_1.migrateIdentity)(db);
    const dataDir = config.CFC_DATA_DIR;
    const secrets = (0, identity_secrets_1.loadIdentitySecrets)({ dataDir, ...config });
    const store = new eventing_1.PostgresEventStore(db, { contracts: new contracts_1.ContractRegistry(contracts_1.identityEventContracts), now });
    const registry = new embedded_enterprise_registry_1.EmbeddedEnterpriseRegistry(db, secrets.pii);
    const institutions = new institution_service_1.InstitutionService(store, db);
    if (config.CFC_EMBEDDED || config.IDENTITY_DEMO_SEED) {
        const path = config.DEMO_DATA_PATH ?? (0, node_path_1.join)(dataDir, 'demo.json');
        const { dataSet, created } = (0, demo_data_file_1.ensureDemoDataSet)(path, { gateway: config.GATEWAY_PUBLIC_URL, kafka: config.KAFKA_BROKERS });
        await (0, demo_seeder_1.seedDemoData)(dataSet, registry, institutions, now);
        logger.info({ path, created, enterprises: dataSet.enterprises.length }, 'demo registry seeded');
    }
    const tokens = new token_issuer_1.TokenIssuer(secrets.tokenKeys, now);
    const sms = new file_sms_sender_1.FileSmsSender(config.SMS_OUTBOX_PATH ?? (0, node_path_1.join)(dataDir, 'sms-outbox.ndjson'));
    const limiter = new login_rate_limiter_1.LoginRateLimiter(config.LOGIN_RATE_WINDOW_SECONDS * 1000);
    const login = new login_service_1.LoginService(store, db, registry, sms, tokens, limiter, {
        codeKey: secrets.loginCodeKey,
        tokenTtlSeconds: config.SUBJECT_TOKEN_TTL_SECONDS,
        perUscc: config.LOGIN_CHALLENGES_PER_USCC,
        perAddress: config.LOGIN_CHALLENGES_PER_ADDRESS,
        mismatchesPerAddress: config.LOGIN_MISMATCHES_PER_ADDRESS,
    }, now);
    return {
        login,
        oauth: new client_credentials_service_1.ClientCredentialsService(institutions, tokens, config.INSTITUTION_TOKEN_TTL_SECONDS),
        logout: new logout_service_1.LogoutService(db, store, tokens, now),
        tokens,
        institutions,
        operatorToken: config.IDENTITY_OPERATOR_TOKEN,
    };
}
//# sourceMappingURL=identity.runtime.js.map