"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadIdentitySecrets = loadIdentitySecrets;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const pii_cipher_1 = require("../crypto/pii.cipher");
/** Resolves every key: configured values win, otherwise the generated file (created when missing). */
function loadIdentitySecrets(sources) {
    const needsFile = !sources.PII_ENCRYPTION_KEYS || !sources.PII_LOOKUP_KEY || !sources.LOGIN_CODE_KEY || !sources.TOKEN_SIGNING_KEYS;
    const file = needsFile ? generatedSecrets((0, node_path_1.join)(sources.dataDir, 'identity-secrets.json')) : undefined;
    const pick = (name) => sources[name] ?? file[name];
    return {
        pii: (0, pii_cipher_1.piiKeyRingFromConfig)(pick('PII_ENCRYPTION_KEYS'), pick('PII_LOOKUP_KEY')),
        loginCodeKey: Buffer.from(pick('LOGIN_CODE_KEY'), 'base64'),
        tokenKeys: JSON.parse(pick('TOKEN_SIGNING_KEYS')),
    };
}
function generatedSecrets(path) {
    if ((0, node_fs_1.existsSync)(path))
        return JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
    const { privateKey } = (0, node_crypto_1.generateKeyPairSync)('ed25519');
    const kid = `identity-${new Date().toISOString().slice(0, 10)}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
    const generated = {
        PII_ENCRYPTION_KEYS: `pii1:${(0, node_crypto_1.randomBytes)(32).toString('base64')}`,
        PII_LOOKUP_KEY: (0, node_crypto_1.randomBytes)(32).toString('base64'),
        LOGIN_CODE_KEY: (0, node_crypto_1.randomBytes)(32).toString('base64'),
        TOKEN_SIGNING_KEYS: JSON.stringify([{ kid, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }]),
    };
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(path), { recursive: true });
    (0, node_fs_1.writeFileSync)(path, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' });
    (0, node_fs_1.chmodSync)(path, 0o600);
    return generated;
}
//# sourceMappingURL=identity-secrets.js.map