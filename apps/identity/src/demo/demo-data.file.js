"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureDemoDataSet = ensureDemoDataSet;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const demo_data_1 = require("../domain/demo/demo-data");
const demo_data_generator_1 = require("../domain/demo/demo-data.generator");
// `.data/demo.json` is written once, on the first embedded start: the enterprises are deterministic,
// the provider key pairs and client secrets are fresh random values that never enter the repository.
/** Reads the demo data set, or creates it (with new keys and secrets) when the file does not exist. */
function ensureDemoDataSet(path, where) {
    if ((0, node_fs_1.existsSync)(path))
        return { dataSet: JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8')), created: false };
    const dataSet = (0, demo_data_generator_1.buildDemoDataSet)({ ...where, secrets: freshDemoSecrets() });
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(path), { recursive: true });
    try {
        (0, node_fs_1.writeFileSync)(path, `${JSON.stringify(dataSet, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    }
    catch (error) {
        // Another process won the race: use its file, so every service sees the same secrets.
        if (error.code === 'EEXIST')
            return { dataSet: JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8')), created: false };
        throw error;
    }
    return { dataSet, created: true };
}
function freshDemoSecrets() {
    const providerKeys = {};
    for (const { institutionId } of demo_data_1.DEMO_INSTITUTIONS.providers) {
        const { privateKey, publicKey } = (0, node_crypto_1.generateKeyPairSync)('ed25519');
        providerKeys[institutionId] = {
            keyId: `${institutionId.toLowerCase()}-k1`,
            privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
            publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        };
    }
    const clientSecrets = {};
    for (const { institutionId } of [...demo_data_1.DEMO_INSTITUTIONS.lenders, ...demo_data_1.DEMO_INSTITUTIONS.regulators]) {
        clientSecrets[institutionId] = (0, node_crypto_1.randomBytes)(24).toString('base64url');
    }
    return { providerKeys, clientSecrets };
}
//# sourceMappingURL=demo-data.file.js.map